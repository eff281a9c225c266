#include "core/parallel_deflate.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <numeric>
#include <stdexcept>

#include <libdeflate.h>
#include <pthread.h>
#include <zlib.h>

namespace exemplar {

namespace {

struct CompressorFree {
    void operator()(libdeflate_compressor* compressor) const { libdeflate_free_compressor(compressor); }
};

}  // namespace

DeflatePool::DeflatePool(int level, unsigned threads) : level_(level), threads_(threads) {
    if (threads_ == 0) threads_ = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
}

DeflatePool::~DeflatePool() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    queued_.notify_all();
    for (std::thread& worker : workers_) worker.join();
}

DeflatePool::Ticket DeflatePool::add(PieceWriter writer) {
    Ticket ticket = 0;
    {
        const std::lock_guard lock(mutex_);
        ticket = pieces_.size();
        pieces_.push_back({std::move(writer), {}, 0});
    }
    queued_.notify_one();
    return ticket;
}

void DeflatePool::start() {
    const std::lock_guard lock(mutex_);
    if (workers_.empty() && !stopping_)
        for (unsigned i = 0; i < threads_; ++i) workers_.emplace_back([this] { work(); });
}

void DeflatePool::run(Piece& piece) {
    piece.writer(piece.text);
    piece.writer = nullptr;  // what it captured may go
    piece.crc = libdeflate_crc32(0, piece.text.data(), piece.text.size());
}

void DeflatePool::work() {
    pthread_setname_np(pthread_self(), "deflate");  // so that profiles and debuggers tell the workers apart
    std::unique_lock lock(mutex_);
    for (;;) {
        queued_.wait(lock, [this] { return stopping_ || next_ < pieces_.size(); });
        if (stopping_) return;
        Piece& piece = pieces_[next_++];
        const bool skip = error_ != nullptr || cancelled_;  // a piece failed: the part is lost anyway
        lock.unlock();
        std::exception_ptr error;
        if (!skip) {
            try {
                run(piece);
            } catch (...) {
                error = std::current_exception();
            }
        }
        lock.lock();
        if (error && !error_) error_ = error;
        ++done_;
        finished_.notify_all();
    }
}

void DeflatePool::wait() {
    std::unique_lock lock(mutex_);
    if (workers_.empty()) {
        // Never started (a small workbook): the pieces are made here.
        while (next_ < pieces_.size()) {
            Piece& piece = pieces_[next_++];
            lock.unlock();
            run(piece);
            lock.lock();
            ++done_;
        }
    }
    finished_.wait(lock, [this] { return done_ == pieces_.size(); });
    if (error_) std::rethrow_exception(error_);
}

void DeflatePool::cancel() noexcept {
    std::unique_lock lock(mutex_);
    cancelled_ = true;
    if (workers_.empty()) done_ = next_ = pieces_.size();  // nothing runs: drop them all
    finished_.wait(lock, [this] { return done_ == pieces_.size(); });
}

DeflatedPart DeflatePool::compress(const std::vector<Ticket>& tickets) {
    DeflatedPart part;
    std::string text;
    {
        // The pieces are all made (wait() returned): only this thread touches them now.
        std::size_t size = 0;
        for (const Ticket ticket : tickets) size += pieces_.at(ticket).text.size();
        text.reserve(size);
    }
    for (const Ticket ticket : tickets) {
        Piece& piece = pieces_.at(ticket);
        part.crc = static_cast<std::uint32_t>(crc32_combine(part.crc, piece.crc, static_cast<z_off_t>(piece.text.size())));
        text += piece.text;
        std::string().swap(piece.text);
    }
    part.size = text.size();
    const std::unique_ptr<libdeflate_compressor, CompressorFree> compressor(libdeflate_alloc_compressor(level_));
    if (!compressor) throw std::bad_alloc();
    // Room for the worst case, left uninitialised: only the pages written are
    // ever touched (XML packs to about a seventh).
    const std::size_t room = libdeflate_deflate_compress_bound(compressor.get(), text.size());
    const std::unique_ptr<char[]> out(new char[room]);
    const std::size_t written = libdeflate_deflate_compress(compressor.get(), text.data(), text.size(), out.get(), room);
    if (written == 0) throw std::runtime_error("libdeflate_deflate_compress failed");
    std::string().swap(text);
    part.chunks.emplace_back(out.get(), written);
    return part;
}

std::vector<DeflatedPart> DeflatePool::take(const std::vector<std::vector<Ticket>>& parts) {
    std::vector<DeflatedPart> packed(parts.size());
    // The largest parts first, so that no thread is left with a large one at the end.
    std::vector<std::size_t> order(parts.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::vector<std::size_t> sizes(parts.size(), 0);
    for (std::size_t p = 0; p < parts.size(); ++p)
        for (const Ticket ticket : parts[p]) sizes[p] += pieces_.at(ticket).text.size();
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return sizes[a] > sizes[b]; });
    std::atomic<std::size_t> next{0};
    std::mutex failure_mutex;
    std::exception_ptr failure;
    const auto compress_parts = [&] {
        for (std::size_t k = next++; k < order.size(); k = next++) {
            try {
                packed[order[k]] = compress(parts[order[k]]);
            } catch (...) {
                const std::lock_guard lock(failure_mutex);
                if (!failure) failure = std::current_exception();
            }
        }
    };
    std::vector<std::thread> helpers;
    const std::size_t extra = workers_.empty() ? 0 : std::min<std::size_t>(threads_, order.size()) - std::min<std::size_t>(1, order.size());
    for (std::size_t i = 0; i < extra; ++i) helpers.emplace_back(compress_parts);
    compress_parts();
    for (std::thread& helper : helpers) helper.join();
    if (failure) std::rethrow_exception(failure);
    return packed;
}

}  // namespace exemplar
