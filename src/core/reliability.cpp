#include "core/reliability.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>

namespace exemplar {

namespace {

// A spread this small is "zero variance": sums of the same scores taken in
// different orders may differ in their last bits.
constexpr double zero_spread = 1e-9;

struct Range {
    double min = std::numeric_limits<double>::infinity();
    double max = -std::numeric_limits<double>::infinity();

    void add(double value) {
        min = std::min(min, value);
        max = std::max(max, value);
    }
    bool flat() const { return !(max - min > zero_spread); }
};

// Two passes over the complete cases of one dimension: sums, then sums of
// centred squares and products.
struct DimensionAccumulator {
    std::size_t cases = 0;
    double sum_total = 0;
    double ss_total = 0;
    Range range_total;
    std::vector<double> sum_item, sum_rest;       // per item of the dimension
    std::vector<double> ss_item, ss_rest, sp;     // centred squares and item × rest products
    std::vector<Range> range_item, range_rest;

    explicit DimensionAccumulator(std::size_t items)
        : sum_item(items, 0.0), sum_rest(items, 0.0), ss_item(items, 0.0), ss_rest(items, 0.0), sp(items, 0.0),
          range_item(items), range_rest(items) {}
};

struct ItemAccumulator {
    int count = 0;
    double sum = 0;
    double ss = 0;
    Range range;
};

class FormAnalysis {
public:
    FormAnalysis(const ScoringInput& input, FormReliability& result) : input_(input), result_(result), form_(*result.form) {
        for (const Relation relation : result_.relations) uses_[index_of(relation)] = true;
        n_.resize(form_.items.size());
        for (std::size_t i = 0; i < form_.items.size(); ++i) {
            const Item& item = form_.items[i];
            for (const ScaleOption& option : form_.scale_of(item).options) n_[i].push_back(form_.answer_score(item, option));
        }
        items_.resize(form_.items.size());
        dimensions_.reserve(form_.dimensions.size());
        std::size_t widest = 0;
        for (const Dimension& dimension : form_.dimensions) {
            dimensions_.emplace_back(dimension.items.size());
            widest = std::max(widest, dimension.items.size());
        }
        x_.resize(widest);
        rest_.resize(widest);
    }

    void run() {
        collect_cases();
        for (const Case& c : cases_) first_pass(c.answers, c.count);
        finish_means();
        for (const Case& c : cases_) second_pass(c.answers, c.count);
        write_results();
    }

private:
    bool counts(const ScoringAssignment& assignment) const {
        return assignment.submitted && uses_[index_of(assignment.relation)];
    }

    // One set of answers and how many submitted assignments gave exactly it.
    struct Case {
        AnswerView answers;
        std::size_t count = 1;
    };

    // The cases in assignment order, one each; but a form of few items and
    // options (a ballot: 6 items of 5 options have 6^6 answer sets) sees the
    // same answers thousands of times over: those are counted, and each
    // distinct set is taken once, weighted by its count.
    void collect_cases() {
        constexpr std::uint64_t most_patterns = std::uint64_t{1} << 20;
        std::uint64_t base = 1;
        for (const auto& options : n_) base = std::max<std::uint64_t>(base, options.size() + 1);  // + unanswered
        std::uint64_t patterns = 1;
        for (std::size_t i = 0; i < n_.size() && patterns <= most_patterns; ++i) patterns *= base;
        if (patterns > most_patterns || n_.empty()) {
            for (const ScoringAssignment& assignment : input_.assignments)
                if (counts(assignment)) cases_.push_back({assignment.answers, 1});
            return;
        }
        std::vector<std::uint32_t> tally(static_cast<std::size_t>(patterns), 0);
        for (const ScoringAssignment& assignment : input_.assignments) {
            if (!counts(assignment)) continue;
            std::uint64_t key = 0;
            for (std::size_t i = n_.size(); i-- > 0;) key = key * base + assignment.answers[i];
            ++tally[static_cast<std::size_t>(key)];
        }
        std::size_t distinct = 0;
        for (const std::uint32_t count : tally) distinct += count > 0 ? 1 : 0;
        pattern_bytes_.resize(distinct * n_.size());
        std::size_t at = 0;
        for (std::size_t key = 0; key < tally.size(); ++key) {
            if (tally[key] == 0) continue;
            AnswerCode* answers = pattern_bytes_.data() + at;
            std::uint64_t rest = key;
            for (std::size_t i = 0; i < n_.size(); ++i, rest /= base) answers[i] = static_cast<AnswerCode>(rest % base);
            cases_.push_back({AnswerView(answers, n_.size()), tally[key]});
            at += n_.size();
        }
    }

    double score(AnswerView answers, std::size_t item) const { return n_[item][option_index(answers[item])]; }

    // The n of each item of the dimension into x_, and for each item the sum
    // of the others (in item order) into rest_; false unless all answered.
    bool complete_case(AnswerView answers, const Dimension& dimension) {
        const std::size_t m = dimension.items.size();
        for (std::size_t i = 0; i < m; ++i) {
            if (answers[dimension.items[i]] == unanswered) return false;
            x_[i] = score(answers, dimension.items[i]);
        }
        for (std::size_t i = 0; i < m; ++i) {
            double rest = 0;
            for (std::size_t j = 0; j < m; ++j)
                if (j != i) rest += x_[j];
            rest_[i] = rest;
        }
        return true;
    }

    double case_total(std::size_t m) const {
        double total = 0;
        for (std::size_t i = 0; i < m; ++i) total += x_[i];
        return total;
    }

    // A case counted `count` times (1 · x is x: a case of its own sums exactly as unweighted).
    void first_pass(AnswerView answers, std::size_t count) {
        const auto w = static_cast<double>(count);
        for (std::size_t i = 0; i < form_.items.size(); ++i) {
            if (answers[i] == unanswered) continue;
            const double n = score(answers, i);
            ItemAccumulator& item = items_[i];
            item.count += static_cast<int>(count);
            item.sum += w * n;
            item.range.add(n);
        }
        for (std::size_t d = 0; d < form_.dimensions.size(); ++d) {
            const Dimension& dimension = form_.dimensions[d];
            if (!complete_case(answers, dimension)) continue;
            DimensionAccumulator& acc = dimensions_[d];
            const std::size_t m = dimension.items.size();
            acc.cases += count;
            const double total = case_total(m);
            acc.sum_total += w * total;
            acc.range_total.add(total);
            for (std::size_t i = 0; i < m; ++i) {
                acc.sum_item[i] += w * x_[i];
                acc.sum_rest[i] += w * rest_[i];
                acc.range_item[i].add(x_[i]);
                acc.range_rest[i].add(rest_[i]);
            }
        }
    }

    void finish_means() {
        item_mean_.assign(items_.size(), 0.0);
        for (std::size_t i = 0; i < items_.size(); ++i)
            if (items_[i].count > 0) item_mean_[i] = items_[i].sum / items_[i].count;
        for (DimensionAccumulator& acc : dimensions_) {
            if (acc.cases == 0) continue;
            const auto cases = static_cast<double>(acc.cases);
            acc.sum_total /= cases;  // from here on: means
            for (double& sum : acc.sum_item) sum /= cases;
            for (double& sum : acc.sum_rest) sum /= cases;
        }
    }

    void second_pass(AnswerView answers, std::size_t count) {
        const auto w = static_cast<double>(count);
        for (std::size_t i = 0; i < form_.items.size(); ++i) {
            if (answers[i] == unanswered) continue;
            const double deviation = score(answers, i) - item_mean_[i];
            items_[i].ss += w * (deviation * deviation);
        }
        for (std::size_t d = 0; d < form_.dimensions.size(); ++d) {
            const Dimension& dimension = form_.dimensions[d];
            if (!complete_case(answers, dimension)) continue;
            DimensionAccumulator& acc = dimensions_[d];
            const std::size_t m = dimension.items.size();
            const double total = case_total(m) - acc.sum_total;
            acc.ss_total += w * (total * total);
            for (std::size_t i = 0; i < m; ++i) {
                const double dx = x_[i] - acc.sum_item[i];
                const double dr = rest_[i] - acc.sum_rest[i];
                acc.ss_item[i] += w * (dx * dx);
                acc.ss_rest[i] += w * (dr * dr);
                acc.sp[i] += w * (dx * dr);
            }
        }
    }

    void write_results() {
        result_.items.clear();
        for (std::size_t i = 0; i < form_.items.size(); ++i) {
            const ItemAccumulator& acc = items_[i];
            ItemStatistics statistics;
            statistics.item = i;
            statistics.n = acc.count;
            if (acc.count >= 1) statistics.mean = item_mean_[i];
            if (acc.count >= 2) statistics.sd = acc.range.max == acc.range.min ? 0.0 : std::sqrt(acc.ss / (acc.count - 1));
            result_.items.push_back(statistics);
        }
        result_.dimensions.clear();
        for (std::size_t d = 0; d < form_.dimensions.size(); ++d) {
            const Dimension& dimension = form_.dimensions[d];
            const DimensionAccumulator& acc = dimensions_[d];
            const std::size_t m = dimension.items.size();
            DimensionReliability reliability;
            reliability.dimension = d;
            reliability.items = static_cast<int>(m);
            reliability.complete_cases = static_cast<int>(acc.cases);
            if (m >= 2 && acc.cases >= 2) {
                const double denominator = static_cast<double>(acc.cases - 1);
                if (!acc.range_total.flat()) {
                    double item_variances = 0;
                    for (std::size_t i = 0; i < m; ++i) item_variances += acc.ss_item[i] / denominator;
                    const double total_variance = acc.ss_total / denominator;
                    const double k = static_cast<double>(m);
                    reliability.alpha = k / (k - 1) * (1 - item_variances / total_variance);
                }
                for (std::size_t i = 0; i < m; ++i) {
                    if (acc.range_item[i].flat() || acc.range_rest[i].flat()) continue;
                    result_.items[dimension.items[i]].item_total_correlation =
                        acc.sp[i] / std::sqrt(acc.ss_item[i] * acc.ss_rest[i]);
                }
            }
            result_.dimensions.push_back(reliability);
        }
    }

    const ScoringInput& input_;
    FormReliability& result_;
    const Form& form_;
    std::array<bool, 3> uses_{false, false, false};
    std::vector<std::vector<double>> n_;  // per item, per option
    std::vector<ItemAccumulator> items_;
    std::vector<double> item_mean_;
    std::vector<DimensionAccumulator> dimensions_;
    std::vector<double> x_, rest_;  // the current case, reused
    std::vector<Case> cases_;
    std::vector<AnswerCode> pattern_bytes_;  // the distinct answer sets of a counted form
};

}  // namespace

std::vector<FormReliability> compute_reliability(const ScoringInput& input) {
    std::vector<FormReliability> result;
    for (const Relation relation : all_relations) {
        const Form* form = input.forms[index_of(relation)];
        if (form == nullptr) continue;
        const auto same = std::find_if(result.begin(), result.end(), [form](const FormReliability& entry) {
            return entry.form == form || *entry.form == *form;
        });
        if (same != result.end()) {
            same->relations.push_back(relation);
        } else {
            FormReliability entry;
            entry.form = form;
            entry.relations.push_back(relation);
            result.push_back(std::move(entry));
        }
    }
    for (FormReliability& entry : result) FormAnalysis(input, entry).run();
    return result;
}

}  // namespace exemplar
