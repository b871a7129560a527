// The web UI's files from one directory: GET of a path under it returns the
// file with its content type; a path that names no file and has no file
// extension returns index.html (the single-page app routes itself). Paths
// that leave the directory (.., symlinks out, NUL, backslashes) are refused.
#ifndef REUNITE_HTTP_STATIC_FILES_H_
#define REUNITE_HTTP_STATIC_FILES_H_

#include <optional>
#include <string>
#include <string_view>

namespace reunite::http {

struct StaticFile {
  std::string path;          // resolved file inside the root
  std::string content_type;  // from the extension
  bool immutable = false;    // under assets/ (content-hashed by the bundler)
};

// Resolves `request_path` (URL-decoded, starting with '/') under `root`, or
// nullopt (404). `root` must be canonical (see CanonicalRoot).
std::optional<StaticFile> ResolveStaticFile(const std::string& root, std::string_view request_path);
// The canonical absolute form of `dir`, or "" if it is not a directory.
std::string CanonicalRoot(const std::string& dir);
std::string ContentTypeFor(std::string_view path);

}  // namespace reunite::http

#endif  // REUNITE_HTTP_STATIC_FILES_H_
