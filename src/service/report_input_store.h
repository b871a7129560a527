// The report input read from the store: resolved persons, their events with
// subjects mapped from record references to person ids, relationships, the
// directives decision events cite, and the court orders of `orders_dir`
// (report/report_input.h says what each must hold). It is the `input` of the
// case file (service/case_file.h, which says how each part is read).
// kFailedPrecondition ("run reunite resolve") when the store has no persons.
#ifndef REUNITE_SERVICE_REPORT_INPUT_STORE_H_
#define REUNITE_SERVICE_REPORT_INPUT_STORE_H_

#include <string>

#include "report/report_input.h"
#include "storage/connection.h"

namespace reunite::service {

// The number of resolved persons in the store (0 when the persons table does
// not exist yet).
Result<int64_t> CountResolvedPersons(storage::Connection& db);

Result<report::ReportInput> LoadStoreReportInput(storage::Connection& db,
                                                 const std::string& orders_dir);

}  // namespace reunite::service

#endif  // REUNITE_SERVICE_REPORT_INPUT_STORE_H_
