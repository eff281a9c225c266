// Raw deflate (zip method 8) made on worker threads while the caller goes
// on: a part is queued piece by piece, each piece produced and compressed
// on its own, as pigz does — all but a part's last piece end in a sync
// flush, so the pieces simply follow one another in one valid stream (a
// little larger than one stream: no back-references across pieces).
//
//   DeflatePool pool(1);
//   pool.start();  // else wait() does the work on the caller's thread
//   std::vector<DeflatePool::Ticket> part{pool.add([](std::string& out) { out += "<a>"; }),
//                                         pool.add([](std::string& out) { out += "</a>"; }, true)};
//   pool.wait();
//   DeflatedPart packed = pool.take(part);
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
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

    // zlib `level` (1: fastest). `threads` 0: one a core.
    explicit DeflatePool(int level, unsigned threads = 0);
    // Stops the workers once their current piece is done; queued pieces are dropped.
    ~DeflatePool();
    DeflatePool(const DeflatePool&) = delete;
    DeflatePool& operator=(const DeflatePool&) = delete;

    // Queues a piece. `last`: it ends its part's stream.
    Ticket add(PieceWriter writer, bool last = false);
    // Starts the worker threads. Without them, wait() makes the pieces on
    // the caller's thread (a small workbook is not worth threads).
    void start();
    // Waits until every queued piece is done; rethrows a piece writer's exception.
    void wait();
    // Drops the pieces not yet started and waits for the others (a failure:
    // what the pieces read may go once this returns). Throws nothing.
    void cancel() noexcept;
    // After wait(): a part made of these pieces, in this order (the last one added with `last`).
    DeflatedPart take(const std::vector<Ticket>& pieces);

private:
    struct Piece {
        PieceWriter writer;
        bool last;
        std::string compressed;
        std::uint32_t crc = 0;
        std::uint64_t size = 0;
    };
    class Deflater;
    void work();
    void run(Piece& piece, std::unique_ptr<Deflater>& deflater, std::string& text);

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
