#include "names/fold.h"

#include <gtest/gtest.h>

#include "common/random.h"

namespace reunite::names {
namespace {

TEST(FoldTextTest, CaseAndAccentsFold) {
  EXPECT_EQ(FoldText("García"), "garcia");
  EXPECT_EQ(FoldText("GARCIA"), "garcia");
  EXPECT_EQ(FoldText("Garcia"), "garcia");
  EXPECT_EQ(FoldText("GARCÍA"), "garcia");
  EXPECT_EQ(FoldText("Peña Muñoz"), "pena munoz");
  EXPECT_EQ(FoldText("Güero Argüello"), "guero arguello");
  EXPECT_EQ(FoldText("ÁÉÍÓÚ àèìòù ÂÊÎÔÛ Ç"), "aeiou aeiou aeiou c");
}

TEST(FoldTextTest, DecomposedInputFoldsLikeComposed) {
  // "Garci" + U+0301 combining acute + "a" (NFD, as some exports send it).
  EXPECT_EQ(FoldText("Garci\xCC\x81"
                     "a"),
            "garcia");
  EXPECT_EQ(FoldText("Pen\xCC\x83"
                     "a"),
            "pena");
}

TEST(FoldTextTest, MayanApostrophesAreRemoved) {
  EXPECT_EQ(FoldText("B'alam"), "balam");
  EXPECT_EQ(FoldText("B’alam"), "balam");  // U+2019
  EXPECT_EQ(FoldText("B`alam"), "balam");
  EXPECT_EQ(FoldText("B´alam"), "balam");  // U+00B4
  EXPECT_EQ(FoldText("Bʼalam"), "balam");  // U+02BC
  EXPECT_EQ(FoldText("K’iche’"), "kiche");
  EXPECT_EQ(FoldText("Q'anjob'al"), "qanjobal");
}

TEST(FoldTextTest, PunctuationBecomesOneSpaceAndIsTrimmed) {
  EXPECT_EQ(FoldText("  García-López  "), "garcia lopez");
  EXPECT_EQ(FoldText("Ma. del Carmen"), "ma del carmen");
  EXPECT_EQ(FoldText("LOPEZ,  JUAN"), "lopez juan");
  EXPECT_EQ(FoldText("de\tla\nCruz"), "de la cruz");
  EXPECT_EQ(FoldText("“Chepe”"), "chepe");
  EXPECT_EQ(FoldText("---"), "");
  EXPECT_EQ(FoldText(""), "");
}

TEST(FoldTextTest, DigitsAreKept) {
  EXPECT_EQ(FoldText("A-012 345"), "a 012 345");
  EXPECT_EQ(FoldText("Juan 2º"), "juan 2o");
}

TEST(FoldTextTest, LettersWithoutDecompositionAreSpelledOut) {
  EXPECT_EQ(FoldText("Straße"), "strasse");
  EXPECT_EQ(FoldText("Łukasz Øster"), "lukasz oster");
}

TEST(FoldTextTest, InvalidUtf8IsReadAsLatin1) {
  EXPECT_EQ(FoldText("Garc\xED"
                     "a"),
            "garcia");  // Latin-1 í
  EXPECT_EQ(FoldText("Pe\xF1"
                     "a"),
            "pena");  // Latin-1 ñ
  EXPECT_EQ(FoldText("B\x92"
                     "alam"),
            "balam");                      // cp1252 ’
  EXPECT_EQ(FoldText("x\xC3"), "xa");      // truncated sequence: Ã
  EXPECT_EQ(FoldText("\xFF\xFE"), "yth");  // ÿ, þ
}

TEST(FoldTextTest, NonLatinLettersAreKeptLowerCased) { EXPECT_EQ(FoldText("ΑΘΗΝΑ"), "αθηνα"); }

TEST(FoldTextTest, IntoReusesBuffer) {
  std::string out = "stale";
  FoldTextInto("Pérez", &out);
  EXPECT_EQ(out, "perez");
  EXPECT_TRUE(IsAscii("perez"));
  EXPECT_FALSE(IsAscii("pérez"));
}

TEST(FoldTextTest, ArbitraryBytesFoldIdempotentlyAndWellFormed) {
  Rng rng(7);
  const char pieces[][5] = {"a", "Z", " ", "-", "'", "\xC3\xA9", "\xE2\x80\x99", "\xCC\x81", "7"};
  for (int n = 0; n < 2000; ++n) {
    std::string in;
    int len = static_cast<int>(rng.Below(24));
    for (int k = 0; k < len; ++k) {
      if (rng.Chance(0.3)) {
        in.push_back(static_cast<char>(rng.Below(256)));  // often invalid UTF-8
      } else {
        in += pieces[rng.Below(std::size(pieces))];
      }
    }
    std::string once = FoldText(in);
    EXPECT_EQ(FoldText(once), once);
    EXPECT_EQ(once.find("  "), std::string::npos);
    if (!once.empty()) {
      EXPECT_NE(once.front(), ' ');
      EXPECT_NE(once.back(), ' ');
    }
    if (IsAscii(in)) {
      for (char c : once) EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ');
    }
  }
}

}  // namespace
}  // namespace reunite::names
