// Convenience header: everything in reunite::names (standardisation of names,
// dates and identifiers). See docs/standardisation.md for every rule.
#ifndef REUNITE_NAMES_NAMES_H_
#define REUNITE_NAMES_NAMES_H_

#include "names/dates.h"
#include "names/fold.h"
#include "names/full_name.h"
#include "names/given_names.h"
#include "names/ids.h"
#include "names/nicknames.h"
#include "names/phonetic.h"
#include "names/surnames.h"

#endif  // REUNITE_NAMES_NAMES_H_
