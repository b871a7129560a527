#include "cli/linkage_input.h"

namespace reunite::cli {

linkage::InputSpec LinkageInputFlags::Spec() const {
  linkage::InputSpec spec;
  spec.left_path = files.empty() ? "" : files[0];
  spec.right_path = files.size() > 1 ? files[1] : "";
  spec.id_column = id;
  spec.column_map = map;
  spec.date_order = date_order;
  spec.trim = !no_trim;
  spec.right_id_column = right_id_column;
  spec.right_column_map = right_map;
  spec.right_date_order = right_date_order;
  return spec;
}

void AddLinkageInputOptions(CLI::App* sub, LinkageInputFlags& f) {
  sub->add_option("files", f.files, "LEFT.csv [RIGHT.csv]")->required()->expected(1, 2);
  sub->add_option("--id", f.id, "Column holding the record id")->required();
  sub->add_option("--map", f.map,
                  "Column mapping canonical=csv,... (given_name=first,dob=birth_date)");
  sub->add_option("--date-order", f.date_order, "Dates in the files: iso, mdy, dmy or auto")
      ->capture_default_str();
  sub->add_option("--right-id-column", f.right_id_column,
                  "RIGHT.csv's id column when it differs from --id");
  sub->add_option("--right-map", f.right_map,
                  "RIGHT.csv's column mapping when its schema differs (default: --map)");
  sub->add_option("--right-date-order", f.right_date_order,
                  "RIGHT.csv's date order when it differs (default: --date-order)");
  sub->add_flag("--no-trim", f.no_trim,
                "Keep spaces around unquoted fields (trimmed by default, as FEBRL needs)");
}

}  // namespace reunite::cli
