#include "core/csv_table.h"

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "core/csv_reader.h"
#include "core/error.h"
#include "core/string_lookup.h"
#include "core/whole_file.h"

namespace exemplar {

namespace {

// Records split ahead, handed over a batch at a time so the threads rarely meet.
struct Batch {
    std::vector<std::string_view> cells;  // all records' cells, one after another
    std::vector<RowBlock::Row> records;
    std::deque<std::string> owned;  // cells unescaped into the reader's buffer, copied: it is reused
    double progress = 0;
};

constexpr std::size_t records_per_batch = 8192;
constexpr std::size_t batches_ahead = 4;

class ReadAheadCsvTable final : public TableReader {
public:
    ReadAheadCsvTable(std::string display_name, std::string text)
        : name_(std::move(display_name)), text_(std::move(text)), producer_([this] { produce(); }) {}
    ReadAheadCsvTable(std::string display_name, std::filesystem::path path)
        : name_(std::move(display_name)), path_(std::move(path)), producer_([this] { produce(); }) {}

    ~ReadAheadCsvTable() override {
        {
            std::lock_guard lock(mutex_);
            stop_ = true;
        }
        changed_.notify_all();
        producer_.join();
    }

    bool next_row(std::vector<std::string_view>& cells) override {
        cells.clear();
        if (!has_unread_records()) return false;
        const RowBlock::Row& record = current_->records[next_record_++];
        cells.assign(current_->cells.begin() + static_cast<std::ptrdiff_t>(record.cells_begin),
                     current_->cells.begin() + static_cast<std::ptrdiff_t>(record.cells_end));
        took(record);
        return true;
    }

    // The rest of the batch at hand, as it is.
    bool next_rows(RowBlock& block) override {
        if (!has_unread_records()) return false;
        block.rows = std::span<const RowBlock::Row>(current_->records).subspan(next_record_);
        block.cells = current_->cells;
        next_record_ = current_->records.size();
        took(block.rows.back());
        return true;
    }

    std::size_t row_number() const override { return row_number_; }
    std::size_t cells_as_before() const override { return cells_as_before_; }
    bool row_has_problems() const override { return row_has_problems_; }

    std::vector<Diagnostic> problems() const override {
        // The reader's problems belong to the other thread until it is done;
        // a caller that stopped reading early lets it run on unbounded.
        std::unique_lock lock(mutex_);
        unbounded_ = true;
        changed_.notify_all();
        changed_.wait(lock, [&] { return done_; });
        std::vector<Diagnostic> result = unreadable_;
        if (csv_) for (const CsvProblem& p : csv_->problems()) result.push_back(at(p.record, p.field, p.message));
        return result;
    }

    Diagnostic at(std::size_t row, std::size_t column, std::string message) const override {
        return Diagnostic{name_, static_cast<int>(row), static_cast<int>(column), {}, std::move(message)};
    }
    const std::string& name() const override { return name_; }
    double progress() const override { return progress_; }

private:
    // Moves on to the next batch when the one at hand is read (waiting for it); false at the end.
    bool has_unread_records() {
        while (current_ == nullptr || next_record_ >= current_->records.size()) {
            std::unique_lock lock(mutex_);
            if (current_ != nullptr) {
                ready_.pop_front();
                current_ = nullptr;
                changed_.notify_all();
            }
            changed_.wait(lock, [&] { return !ready_.empty() || done_; });
            if (ready_.empty()) return false;
            current_ = &ready_.front();
            next_record_ = 0;
        }
        return true;
    }

    void took(const RowBlock::Row& record) {
        row_number_ = record.number;
        row_has_problems_ = record.has_problems;
        cells_as_before_ = record.cells_as_before;
        progress_ = current_->progress;
    }

    void produce() {
        if (!path_.empty()) {
            try {
                text_ = read_whole_file(path_);
            } catch (const InputRefused& refused) {
                std::lock_guard lock(mutex_);
                unreadable_ = refused.diagnostics();
                done_ = true;
                changed_.notify_all();
                return;
            }
        }
        // Made here, on this thread: the text is split and its encoding checked as records are read.
        csv_.emplace(text_);
        CsvReader& csv = *csv_;
        bool more = true;
        while (more) {
            Batch batch;
            batch.cells.reserve(records_per_batch * 5);
            batch.records.reserve(records_per_batch);
            // The record before in this batch, as cells [before_begin, before_end); none at a batch's start
            // (the batch before may be gone with its cells): its first record counts as not repeating.
            std::size_t before_begin = 0, before_end = 0;
            while (batch.records.size() < records_per_batch) {
                const std::size_t begin = batch.cells.size();
                more = csv.append_next(batch.cells);
                if (!more) break;
                if (csv.record_uses_buffer())
                    for (std::size_t i = begin; i < batch.cells.size(); ++i) {
                        // A view into the file stays valid; one into the reader's buffer does not.
                        const std::string_view field = batch.cells[i];
                        const bool in_text = field.empty() || (std::greater_equal<const char*>()(field.data(), text_.data()) &&
                                                               std::less<const char*>()(field.data(), text_.data() + text_.size()));
                        if (!in_text) {
                            batch.owned.emplace_back(field);
                            batch.cells[i] = batch.owned.back();
                        }
                    }
                std::size_t same = 0;
                while (begin + same < batch.cells.size() && before_begin + same < before_end &&
                       same_text(batch.cells[begin + same], batch.cells[before_begin + same]))
                    ++same;
                before_begin = begin;
                before_end = batch.cells.size();
                batch.records.push_back({csv.record_number(), begin, batch.cells.size(), same, csv.record_has_problems()});
            }
            batch.progress = csv.size() == 0 ? 1.0 : static_cast<double>(csv.position()) / static_cast<double>(csv.size());
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [&] { return ready_.size() < batches_ahead || stop_ || unbounded_; });
            if (stop_) break;
            if (!batch.records.empty()) ready_.push_back(std::move(batch));
            changed_.notify_all();
        }
        std::lock_guard lock(mutex_);
        done_ = true;
        changed_.notify_all();
    }

    std::string name_;
    std::filesystem::path path_;  // empty: the text was given
    std::string text_;
    std::vector<Diagnostic> unreadable_;  // the file could not be read (set before done_)
    std::optional<CsvReader> csv_;  // made and used by the producer thread only (and read once it is done)

    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    std::deque<Batch> ready_;  // front: the batch being read (current_)
    bool done_ = false;
    bool stop_ = false;
    mutable bool unbounded_ = false;

    Batch* current_ = nullptr;
    std::size_t next_record_ = 0;
    std::size_t row_number_ = 0;
    std::size_t cells_as_before_ = 0;
    bool row_has_problems_ = false;
    double progress_ = 0;

    std::thread producer_;  // last: starts once everything above is ready
};

}  // namespace

std::unique_ptr<TableReader> read_ahead_csv_table(std::string display_name, std::string text) {
    return std::make_unique<ReadAheadCsvTable>(std::move(display_name), std::move(text));
}

std::unique_ptr<TableReader> read_ahead_csv_file(std::string display_name, std::filesystem::path path) {
    return std::make_unique<ReadAheadCsvTable>(std::move(display_name), std::move(path));
}

}  // namespace exemplar
