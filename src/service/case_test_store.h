// Test support: a small resolved store written row by row — what `reunite
// resolve` would leave after importing one family (a mother and two
// children, separated on 2018-05-11) — so the case-file tests run on both
// backends without the linkage engine. Person ids: PM (mother, A-number
// 012345678), PC1 (JOSE GARCIA, A200000001, born 2015-03-01), PC2 (ANA
// GARCIA, born 2016-08-20); family unit RGV1; a decision-log separation memo
// naming "GARCIA, JOSE (A200000001); ANA GARCIA; PEDRO NADIE"; one event of an
// unresolved record (e3/E9).
#ifndef REUNITE_SERVICE_CASE_TEST_STORE_H_
#define REUNITE_SERVICE_CASE_TEST_STORE_H_

#include "storage/connection.h"

namespace reunite::service::testing {

// Migrates `db` and writes the store described above.
Status BuildSmallCaseStore(storage::Connection& db);

}  // namespace reunite::service::testing

#endif  // REUNITE_SERVICE_CASE_TEST_STORE_H_
