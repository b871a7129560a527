// `reunite explain LEFT.csv RIGHT.csv --left-id X --right-id Y --model M.json [--json]`:
// prints the waterfall of one pair, computed by the same Scorer::Score as `link`.
#include <cstdio>

#include "cli/command.h"
#include "cli/linkage_input.h"
#include "linkage/link_io.h"
#include "linkage/prepare.h"
#include "linkage/scoring.h"

namespace reunite::cli {
namespace {

struct ExplainFlags {
  LinkageInputFlags input;
  std::string model, left_id, right_id;
  bool json = false;
};

Result<size_t> FindRecord(const linkage::RecordTable& t, const std::string& id) {
  for (size_t i = 0; i < t.size(); ++i) {
    if (t.ids[i] == id) return i;
  }
  return NotFound(t.source + ": no record with id '" + id + "'");
}

Status RunExplain(const ExplainFlags& f) {
  REUNITE_ASSIGN_OR_RETURN(linkage::Model model, linkage::LoadModel(f.model));
  REUNITE_ASSIGN_OR_RETURN(linkage::Inputs in, linkage::ReadInputs(model, f.input.Spec()));
  const linkage::RecordTable& right = in.dedupe ? in.left : in.right;
  REUNITE_ASSIGN_OR_RETURN(size_t i, FindRecord(in.left, f.left_id));
  REUNITE_ASSIGN_OR_RETURN(size_t j, FindRecord(right, f.right_id));
  linkage::FeatureSpace space(model);
  linkage::PreparedTable left_prepared = space.Prepare(in.left, 2);
  linkage::PreparedTable right_prepared;
  if (!in.dedupe) right_prepared = space.Prepare(in.right, 2);
  const linkage::PreparedTable& rp = in.dedupe ? left_prepared : right_prepared;
  if (in.dedupe) {
    space.CountTermFrequencies({&left_prepared});
  } else {
    space.CountTermFrequencies({&left_prepared, &right_prepared});
  }
  linkage::Scorer scorer(space, model);
  linkage::PairScore score;
  scorer.Score(left_prepared, i, rp, j, &score);
  std::string text = f.json ? linkage::ExplainJson(model, in.left, i, right, j, score)
                            : linkage::ExplainText(model, in.left, i, right, j, score);
  std::fputs(text.c_str(), stdout);
  return Status::Ok();
}

}  // namespace

void AddExplainCommand(CLI::App& app, CommandResult& result) {
  auto flags = std::make_shared<ExplainFlags>();
  CLI::App* sub = app.add_subcommand(
      "explain", "Show why a pair scores as it does: prior, each level, m, u, weight");
  AddLinkageInputOptions(sub, flags->input);
  sub->add_option("--model", flags->model, "Model JSON (trained)")->required();
  sub->add_option("--left-id", flags->left_id, "Id of the record in the first file")->required();
  sub->add_option("--right-id", flags->right_id, "Id of the record in the second file")->required();
  sub->add_flag("--json", flags->json, "Print JSON instead of a table");
  sub->callback([flags, &result] { result.status = RunExplain(*flags); });
}

}  // namespace reunite::cli
