// Raw deflate (zip method 8) made on worker threads: the bytes of a part are
// queued piece by piece and made on the workers while the caller goes on;
// once all are there, each part is compressed whole by libdeflate (2–3× the
// speed of zlib at the same size), the parts side by side on the workers.
//
//   DeflatePool pool(1);
//   pool.start();  // else the pieces are made on the caller's thread
//   std::vector<DeflatePool::Ticket> part{pool.add([](std::string& out) { out += "<a>"; }),
//                                         pool.add([](std::string& out) { out += "</a>"; })};
//   pool.wait();
//   std::vector<DeflatedPart> packed = pool.take({part});
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace exemplar {

// Appends one piece of a part's bytes to `out`. Called on a worker thread:
// it may only read what nobody changes until DeflatePool::wait() returns.
using PieceWriter = std::function<void(std::string& out)>;

struct DeflatedPart {
    std::vector<std::string> chunks;  // the raw deflate stream, in order
    std::uint32_t crc = 0;            // CRC-32 of the uncompressed bytes
    std::uint64_t size = 0;           // uncompressed bytes
};

class DeflatePool {
public:
    using Ticket = std::size_t;

    // libdeflate `level` (1: fastest). `threads` 0: one a core.
    explicit DeflatePool(int level, unsigned threads = 0);
    // Stops the workers once their current piece is done; queued pieces are dropped.
    ~DeflatePool();
    DeflatePool(const DeflatePool&) = delete;
    DeflatePool& operator=(const DeflatePool&) = delete;

    // Queues a piece.
    Ticket add(PieceWriter writer);
    // Starts the worker threads. Without them, wait() makes the pieces on
    // the caller's thread (a small workbook is not worth threads).
    void start();
    // Waits until every queued piece is made; rethrows a piece writer's exception.
    void wait();
    // Drops the pieces not yet started and waits for the others (a failure:
    // what the pieces read may go once this returns). Throws nothing.
    void cancel() noexcept;
    // After wait(): each part made of its pieces, in this order, compressed —
    // on as many threads as the pool has (none started: here). A piece's bytes
    // are let go as they are used.
    std::vector<DeflatedPart> take(const std::vector<std::vector<Ticket>>& parts);

private:
    struct Piece {
        PieceWriter writer;
        std::string text;
        std::uint32_t crc = 0;
    };
    void work();
    static void run(Piece& piece);
    DeflatedPart compress(const std::vector<Ticket>& pieces);

    int level_;
    unsigned threads_;
    std::mutex mutex_;
    std::condition_variable queued_, finished_;
    // Guarded by mutex_, but for the fields of a piece taken, which its taker
    // fills; a deque, so that pieces taken stay put while more are added.
    std::deque<Piece> pieces_;
    std::size_t next_ = 0;       // first piece not taken
    std::size_t done_ = 0;       // pieces done
    bool stopping_ = false;
    bool cancelled_ = false;
    std::exception_ptr error_;
    std::vector<std::thread> workers_;
};

}  // namespace exemplar
