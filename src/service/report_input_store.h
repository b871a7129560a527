// The report input read from the store: resolved persons, their events with
// subjects mapped from record references to person ids, relationships,
// directives and orders (report/report_input.h says what each must hold).
//
// Not wired yet: persons exist only once `reunite resolve` has run, and its
// case-file loader (persons from resolved clusters, events re-keyed to person
// ids, relationships) lands separately. Until then this returns
// kFailedPrecondition: "run reunite resolve" when the store has no persons,
// and a pointer to --scenario when it has some. Orders come from files
// (`orders_dir`), not from the store.
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
