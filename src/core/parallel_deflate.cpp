#include "core/parallel_deflate.h"

#include <algorithm>
#include <memory>
#include <stdexcept>

#include <pthread.h>
#include <zlib.h>

namespace exemplar {

class DeflatePool::Deflater {
public:
    explicit Deflater(int level) {
        // Raw deflate (negative window bits): zip entries carry no zlib header.
        if (deflateInit2(&stream_, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
            throw std::runtime_error("deflateInit2 failed");
    }
    ~Deflater() { deflateEnd(&stream_); }
    Deflater(const Deflater&) = delete;
    Deflater& operator=(const Deflater&) = delete;

    // Compresses `text`, ending in a sync flush (more follows) or the stream's end.
    std::string run(std::string& text, bool last) {
        if (deflateReset(&stream_) != Z_OK) throw std::runtime_error("deflateReset failed");
        const int flush = last ? Z_FINISH : Z_SYNC_FLUSH;
        std::string out(deflateBound(&stream_, static_cast<uLong>(text.size())) + 64, '\0');
        stream_.next_in = reinterpret_cast<Bytef*>(text.data());
        stream_.avail_in = static_cast<uInt>(text.size());
        std::size_t written = 0;
        for (;;) {
            stream_.next_out = reinterpret_cast<Bytef*>(out.data() + written);
            stream_.avail_out = static_cast<uInt>(out.size() - written);
            const int result = deflate(&stream_, flush);
            written = out.size() - stream_.avail_out;
            if (result == Z_STREAM_END || (!last && result == Z_OK && stream_.avail_out > 0)) break;
            if (result != Z_OK && result != Z_BUF_ERROR) throw std::runtime_error("deflate failed");
            out.resize(out.size() * 2);  // more room, then go on
        }
        out.resize(written);
        out.shrink_to_fit();
        return out;
    }

private:
    z_stream stream_{};
};

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

DeflatePool::Ticket DeflatePool::add(PieceWriter writer, bool last) {
    Ticket ticket = 0;
    {
        const std::lock_guard lock(mutex_);
        ticket = pieces_.size();
        pieces_.push_back({std::move(writer), last, {}});
    }
    queued_.notify_one();
    return ticket;
}

void DeflatePool::start() {
    const std::lock_guard lock(mutex_);
    if (workers_.empty() && !stopping_)
        for (unsigned i = 0; i < threads_; ++i) workers_.emplace_back([this] { work(); });
}

void DeflatePool::run(Piece& piece, std::unique_ptr<Deflater>& deflater, std::string& text) {
    if (!deflater) deflater = std::make_unique<Deflater>(level_);
    text.clear();
    piece.writer(text);
    piece.size = text.size();
    piece.crc = static_cast<std::uint32_t>(crc32_z(0, reinterpret_cast<const Bytef*>(text.data()), text.size()));
    piece.compressed = deflater->run(text, piece.last);
}

void DeflatePool::work() {
    pthread_setname_np(pthread_self(), "deflate");  // so that profiles and debuggers tell the workers apart
    std::string text;  // reused: its capacity stays
    std::unique_ptr<Deflater> deflater;
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
                run(piece, deflater, text);
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
        std::string text;
        std::unique_ptr<Deflater> deflater;
        while (next_ < pieces_.size()) {
            Piece& piece = pieces_[next_++];
            lock.unlock();
            run(piece, deflater, text);
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

DeflatedPart DeflatePool::take(const std::vector<Ticket>& pieces) {
    DeflatedPart part;
    const std::lock_guard lock(mutex_);
    for (const Ticket ticket : pieces) {
        Piece& piece = pieces_.at(ticket);
        part.crc = static_cast<std::uint32_t>(crc32_combine(part.crc, piece.crc, static_cast<z_off_t>(piece.size)));
        part.size += piece.size;
        part.chunks.push_back(std::move(piece.compressed));
    }
    return part;
}

}  // namespace exemplar
