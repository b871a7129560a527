// PostgreSQL backend of storage::Connection over libpq. Statements use
// server-side parameters (never string interpolation); `?` placeholders are
// rewritten to $1, $2, ... Messages never include the connection password.
#ifndef REUNITE_STORAGE_POSTGRES_POSTGRES_CONNECTION_H_
#define REUNITE_STORAGE_POSTGRES_POSTGRES_CONNECTION_H_

#include <memory>
#include <string>
#include <string_view>

#include "storage/connection.h"

namespace reunite::storage {

Result<std::unique_ptr<Connection>> OpenPostgres(std::string_view url);

// "SELECT ? , 'a?b'" -> "SELECT $1 , 'a?b'" (quoted text is left alone).
std::string RewritePlaceholders(std::string_view sql);

}  // namespace reunite::storage

#endif  // REUNITE_STORAGE_POSTGRES_POSTGRES_CONNECTION_H_
