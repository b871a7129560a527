// SQLite backend of storage::Connection: one file, WAL journal, foreign keys
// on, synchronous=NORMAL (durable across process crashes; a power loss may
// drop the last commits but never corrupts the file), a busy timeout so that
// several processes can share the file.
#ifndef REUNITE_STORAGE_SQLITE_SQLITE_CONNECTION_H_
#define REUNITE_STORAGE_SQLITE_SQLITE_CONNECTION_H_

#include <memory>
#include <string>

#include "storage/connection.h"

namespace reunite::storage {

Result<std::unique_ptr<Connection>> OpenSqlite(const std::string& path);

}  // namespace reunite::storage

#endif  // REUNITE_STORAGE_SQLITE_SQLITE_CONNECTION_H_
