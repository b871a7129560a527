// A court order as data: who is in the class, the clocks it starts and the
// date it took effect. The canonical file shape is what the simulator writes
// (CourtOrderJson in src/synth/truth_files.cc); see docs/reunification.md.
//
// Several orders can be in force; every separated child is evaluated against
// each (see child_status.h). Orders are immutable values once loaded.
#ifndef REUNITE_CASES_COURT_ORDER_H_
#define REUNITE_CASES_COURT_ORDER_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "reunite/status.h"

namespace reunite::cases {

// What a clock demands before it runs out.
enum class ClockAction {
  kReunify,       // met by the child's `reunified` event
  kPhoneContact,  // met by a `phone_contact` event of the child or the separated parent
};
std::string_view ClockActionName(ClockAction a);  // "reunify" | "phone_contact"

struct Clock {
  std::string id;  // e.g. "reunify_under_5"
  ClockAction action = ClockAction::kReunify;
  int child_age_min = 0;  // inclusive, whole years on the age basis date
  int child_age_max = 17;
  int days = 0;  // from the clock start (see deadline.h)
};

struct OrderClass {
  std::string definition;           // the class in the court's words
  std::string separated_by;         // e.g. "border agency"
  std::string separated_by_agency;  // custodian agency code of the separation event ("border")
  std::vector<std::string> excluded_separation_reasons;  // e.g. "criminal_history"
};

struct CourtOrder {
  std::string order_id;
  std::string court;
  Date effective_date;
  OrderClass class_def;
  std::string age_basis;  // text; only "the later of effective and separation date" is supported
  std::vector<Clock> clocks;
};

// Parses an order; `where` (a file name) prefixes every error, followed by the
// JSON path: "orders/x.json: $.clocks[1].days: expected an integer".
// Checks: ids non-empty and unique, 0 <= age_min <= age_max, days > 0, and a
// clock's optional "deadline" equal to effective_date + days.
Result<CourtOrder> CourtOrderFromJson(const nlohmann::json& j, std::string_view where);
// Parses JSON text as CourtOrderFromJson does; kParseError naming `where`
// when the text is not JSON.
Result<CourtOrder> ParseCourtOrder(std::string_view json_text, std::string_view where);
// Reads and parses a file; kNotFound / kIoError / kParseError name the file.
Result<CourtOrder> LoadCourtOrder(const std::string& path);
// Every *.json in `dir`, sorted by file name.
Result<std::vector<CourtOrder>> LoadCourtOrders(const std::string& dir);

}  // namespace reunite::cases

#endif  // REUNITE_CASES_COURT_ORDER_H_
