# cmake -DINPUT=file -DOUTPUT=file.cc -DSYMBOL=kName -P embed.cmake
# Writes a C++ source defining `std::string_view reunite::embedded::SYMBOL`
# with the bytes of INPUT (a data file kept in the repository, e.g. the role
# matrix or the OpenAPI document), so the binary does not depend on its
# working directory.
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${INPUT} by cmake/embed.cmake. Do not edit.\n"
  "#include <string_view>\n"
  "namespace reunite::embedded {\n"
  "static const char kBytes[] = {${bytes} '\\0'};\n"
  "extern const std::string_view ${SYMBOL};\n"
  "const std::string_view ${SYMBOL}(kBytes, ${size});\n"
  "}  // namespace reunite::embedded\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
