#include "http/static_files.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/process.h"

namespace reunite::http {
namespace {

TEST(StaticFilesTest, ResolvesInsideTheRootOnly) {
  std::string dir = testing::MakeTempDir("ui");
  std::filesystem::create_directories(dir + "/root/assets");
  std::ofstream(dir + "/root/index.html") << "i";
  std::ofstream(dir + "/root/assets/a.css") << "c";
  std::ofstream(dir + "/outside.txt") << "o";
  std::filesystem::create_symlink(dir + "/outside.txt", dir + "/root/link.txt");
  std::string root = CanonicalRoot(dir + "/root");
  ASSERT_FALSE(root.empty());
  auto css = ResolveStaticFile(root, "/assets/a.css");
  ASSERT_TRUE(css);
  EXPECT_EQ(css->content_type, "text/css; charset=utf-8");
  EXPECT_TRUE(css->immutable);
  auto home = ResolveStaticFile(root, "/");
  ASSERT_TRUE(home);
  EXPECT_EQ(home->path, root + "/index.html");
  EXPECT_FALSE(home->immutable);
  auto app = ResolveStaticFile(root, "/review/7");
  ASSERT_TRUE(app);
  EXPECT_EQ(app->path, root + "/index.html");
  EXPECT_FALSE(ResolveStaticFile(root, "/nope.png"));
  EXPECT_FALSE(ResolveStaticFile(root, "/../outside.txt"));
  EXPECT_FALSE(ResolveStaticFile(root, "/assets/../../outside.txt"));
  EXPECT_FALSE(ResolveStaticFile(root, "/link.txt"));  // a symlink out of the root
  EXPECT_FALSE(ResolveStaticFile(root, std::string_view("/index.html\0x", 13)));
  EXPECT_FALSE(ResolveStaticFile(root, "/..\\outside.txt"));
  EXPECT_EQ(CanonicalRoot(dir + "/missing"), "");
}

}  // namespace
}  // namespace reunite::http
