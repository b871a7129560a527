#include "http/deadline_server.h"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>

namespace reunite::http {
namespace {

using Clock = std::chrono::steady_clock;

// Waits up to `ms` for `events` on `fd`; true when ready.
bool PollFor(int fd, short events, int64_t ms) {
  if (ms <= 0) return false;
  pollfd p{fd, events, 0};
  int rc;
  do {
    rc = poll(&p, 1, static_cast<int>(std::min<int64_t>(ms, 1 << 30)));
  } while (rc < 0 && errno == EINTR);
  return rc > 0 && (p.revents & (events | POLLHUP | POLLERR)) != 0;
}

void AddressOf(int fd, bool peer, std::string& ip, int& port) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  int rc = peer ? getpeername(fd, reinterpret_cast<sockaddr*>(&addr), &len)
                : getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  if (rc != 0) return;
  char host[NI_MAXHOST], serv[NI_MAXSERV];
  if (getnameinfo(reinterpret_cast<sockaddr*>(&addr), len, host, sizeof host, serv, sizeof serv,
                  NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
    ip = host;
    port = std::atoi(serv);
  }
}

// A socket stream whose reads fail once the current request's deadline has
// passed (and, like cpp-httplib's, after read_timeout without data).
class DeadlineStream : public httplib::Stream {
 public:
  DeadlineStream(int fd, int64_t read_timeout_ms, int64_t write_timeout_ms)
      : fd_(fd), read_timeout_ms_(read_timeout_ms), write_timeout_ms_(write_timeout_ms) {}

  // A new request starts: it has `timeout_s` to arrive.
  void StartRequest(int timeout_s) { deadline_ = Clock::now() + std::chrono::seconds(timeout_s); }

  bool is_readable() const override { return off_ < len_ || WaitReadable(); }
  bool is_writable() const override { return PollFor(fd_, POLLOUT, write_timeout_ms_); }

  ssize_t read(char* ptr, size_t size) override {
    if (off_ < len_) return TakeBuffered(ptr, size);
    if (!WaitReadable()) return -1;
    ssize_t n;
    do {
      n = recv(fd_, buf_, sizeof buf_, 0);
    } while (n < 0 && errno == EINTR);
    if (n <= 0) return n;
    off_ = 0;
    len_ = static_cast<size_t>(n);
    return TakeBuffered(ptr, size);
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (!is_writable()) return -1;
    ssize_t n;
    do {
      n = send(fd_, ptr, size, MSG_NOSIGNAL);
    } while (n < 0 && errno == EINTR);
    return n;
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    AddressOf(fd_, true, ip, port);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    AddressOf(fd_, false, ip, port);
  }
  socket_t socket() const override { return fd_; }

 private:
  bool WaitReadable() const {
    const int64_t left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now()).count();
    return PollFor(fd_, POLLIN, std::min(left, read_timeout_ms_));
  }
  ssize_t TakeBuffered(char* ptr, size_t size) {
    size_t n = std::min(size, len_ - off_);
    std::memcpy(ptr, buf_ + off_, n);
    off_ += n;
    return static_cast<ssize_t>(n);
  }

  int fd_;
  int64_t read_timeout_ms_, write_timeout_ms_;
  Clock::time_point deadline_ = Clock::now();
  char buf_[4096];
  size_t off_ = 0, len_ = 0;
};

}  // namespace

// The keep-alive loop of cpp-httplib's process_server_socket, with the
// deadline reset before each request.
bool DeadlineServer::process_and_close_socket(socket_t sock) {
  DeadlineStream strm(sock, read_timeout_sec_ * 1000 + read_timeout_usec_ / 1000,
                      write_timeout_sec_ * 1000 + write_timeout_usec_ / 1000);
  bool ret = false;
  for (size_t count = keep_alive_max_count_; svr_sock_ != INVALID_SOCKET && count > 0; --count) {
    // Wait (up to the keep-alive timeout) for the next request to begin.
    // Polled in slices, so that Stop() also ends idle connections promptly.
    if (count != keep_alive_max_count_) {
      const auto idle_until = Clock::now() + std::chrono::seconds(keep_alive_timeout_sec_);
      bool ready = false;
      while (!ready && svr_sock_ != INVALID_SOCKET && Clock::now() < idle_until) {
        ready = PollFor(sock, POLLIN, 100);
      }
      if (!ready) break;
    }
    strm.StartRequest(request_timeout_s_);
    bool connection_closed = false;
    ret = process_request(strm, count == 1, connection_closed, nullptr);
    if (!ret || connection_closed) break;
  }
  shutdown(sock, SHUT_RDWR);
  close(sock);
  return ret;
}

}  // namespace reunite::http
