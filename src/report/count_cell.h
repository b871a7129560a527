// CountCell: a count in a report together with the children behind it.
#ifndef REUNITE_REPORT_COUNT_CELL_H_
#define REUNITE_REPORT_COUNT_CELL_H_

#include <string>
#include <vector>

namespace reunite::report {

struct CountCell {
  std::vector<std::string> children;  // person ids, in input order
  int count() const { return static_cast<int>(children.size()); }
};

}  // namespace reunite::report

#endif  // REUNITE_REPORT_COUNT_CELL_H_
