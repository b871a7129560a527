// The input options shared by `reunite link`, `train` and `explain`: the one
// or two CSV files, their id column, column map and date order (with the
// right file's own when its schema differs), and trimming.
#ifndef REUNITE_CLI_LINKAGE_INPUT_H_
#define REUNITE_CLI_LINKAGE_INPUT_H_

#include <string>
#include <vector>

#include "cli/command.h"
#include "linkage/link_io.h"

namespace reunite::cli {

struct LinkageInputFlags {
  std::vector<std::string> files;
  std::string id;
  std::string map;
  std::string date_order = "auto";
  std::string right_id_column;
  std::string right_map;
  std::string right_date_order;
  bool no_trim = false;

  linkage::InputSpec Spec() const;
};

// Declares files, --id, --map, --date-order, --right-id-column, --right-map,
// --right-date-order and --no-trim on `sub`.
void AddLinkageInputOptions(CLI::App* sub, LinkageInputFlags& flags);

}  // namespace reunite::cli

#endif  // REUNITE_CLI_LINKAGE_INPUT_H_
