#include "http/static_files.h"

#include <filesystem>

namespace reunite::http {
namespace {

namespace fs = std::filesystem;

bool Inside(const fs::path& root, const fs::path& p) {
  auto r = root.begin(), x = p.begin();
  for (; r != root.end(); ++r, ++x) {
    if (x == p.end() || *r != *x) return false;
  }
  return true;
}

std::optional<StaticFile> FileIfInside(const std::string& root, const fs::path& candidate) {
  std::error_code ec;
  fs::path real = fs::canonical(candidate, ec);  // resolves symlinks
  if (ec || !Inside(fs::path(root), real) || !fs::is_regular_file(real, ec)) return std::nullopt;
  StaticFile f;
  f.path = real.string();
  f.content_type = ContentTypeFor(f.path);
  fs::path rel = fs::relative(real, root, ec);
  f.immutable = !ec && rel.begin() != rel.end() && *rel.begin() == "assets";
  return f;
}

}  // namespace

std::string CanonicalRoot(const std::string& dir) {
  std::error_code ec;
  fs::path p = fs::canonical(dir, ec);
  if (ec || !fs::is_directory(p, ec)) return "";
  return p.string();
}

std::string ContentTypeFor(std::string_view path) {
  static const std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".webp", "image/webp"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".txt", "text/plain; charset=utf-8"},
      {".webmanifest", "application/manifest+json"},
  };
  for (const auto& [ext, type] : kTypes) {
    if (path.size() >= ext.size() && path.substr(path.size() - ext.size()) == ext) {
      return std::string(type);
    }
  }
  return "application/octet-stream";
}

std::optional<StaticFile> ResolveStaticFile(const std::string& root,
                                            std::string_view request_path) {
  if (root.empty() || request_path.empty() || request_path[0] != '/') return std::nullopt;
  if (request_path.find('\0') != std::string_view::npos ||
      request_path.find('\\') != std::string_view::npos) {
    return std::nullopt;
  }
  fs::path rel;
  for (const auto& part : fs::path(std::string(request_path.substr(1)))) {
    if (part == "..") return std::nullopt;
    if (part == "." || part.empty()) continue;
    rel /= part;
  }
  if (rel.empty()) return FileIfInside(root, fs::path(root) / "index.html");
  if (auto f = FileIfInside(root, fs::path(root) / rel)) return f;
  std::error_code ec;
  if (fs::is_directory(fs::path(root) / rel, ec)) {
    if (auto f = FileIfInside(root, fs::path(root) / rel / "index.html")) return f;
  }
  // An app route like /families/F1 (no extension): the app's index.html.
  if (!rel.has_extension()) return FileIfInside(root, fs::path(root) / "index.html");
  return std::nullopt;
}

}  // namespace reunite::http
