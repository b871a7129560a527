// Fuzzes the decoding of API request bodies, the step each handler takes
// before it calls a service (src/http/request_body.h and
// service::DecodeTracingIntake), directly, without sockets. The first byte
// picks the Content-Type; the rest is the body. Every decoder runs on every
// body that parses. Checks: failures are kParseError or kInvalidArgument;
// what decodes keeps the documented limits (required fields present, values
// at most 200 bytes), and the decoded intake can be stored (dump() succeeds).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "http/request_body.h"
#include "service/tracing_service.h"

namespace {

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "api_body_fuzz: %s\n", what);
    std::abort();
  }
}

template <typename T>
void CheckFailure(const reunite::Result<T>& r) {
  if (r.ok()) return;
  auto c = r.status().code();
  Check(c == reunite::ErrorCode::kParseError || c == reunite::ErrorCode::kInvalidArgument,
        "unexpected error code");
  Check(!r.status().message().empty(), "error without a message");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace reunite;
  if (size == 0) return 0;
  static const char* kTypes[] = {"application/json", "application/json; charset=utf-8",
                                 "text/plain", ""};
  std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
  auto parsed = http::ParseJsonObjectBody(kTypes[data[0] & 3], body);
  CheckFailure(parsed);
  if (!parsed.ok()) return 0;
  const nlohmann::json& j = *parsed;
  Check(j.is_object(), "a parsed body is not an object");

  auto login = http::DecodeLogin(j);
  CheckFailure(login);
  auto user = http::DecodeNewUser(j);
  CheckFailure(user);
  if (user.ok()) Check(j.contains("username") && j.contains("password"), "required fields");
  auto change = http::DecodeUserChange(j);
  CheckFailure(change);
  for (const char* name : {"assignee", "resolution", "note"}) {
    CheckFailure(http::StringField(j, name, false, true));
  }

  auto intake = service::DecodeTracingIntake(j);
  CheckFailure(intake);
  if (intake.ok()) {
    Check(intake->requester.contains("name"), "intake without requester.name");
    for (const auto* part : {&intake->requester, &intake->sought}) {
      for (const auto& [k, v] : part->items()) {
        Check(v.is_string() && !v.get<std::string>().empty() && v.get<std::string>().size() <= 200,
              "intake value not a short non-empty string");
      }
    }
    Check(!intake->language.empty() && intake->language.size() <= 35, "language tag size");
    Check(intake->notes.size() <= 4000, "notes size");
    (void)intake->requester.dump();
    (void)intake->sought.dump();
  }
  return 0;
}
