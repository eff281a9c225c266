// Reliability of the forms of a cycle (SPEC §5): Cronbach's alpha per form
// and dimension, and per-item statistics, pooling every relation that uses
// the same form. Part of the scoring engine (scoring.h); pure, no I/O.
// Not part of compute_results(): only the report's 信度分析 sheet needs it,
// and it takes about as long as all the scores of a large cycle.
//
//   std::vector<FormReliability> forms = compute_reliability(input);
#pragma once

#include <vector>

#include "core/scoring.h"

namespace exemplar {

struct ItemStatistics {
    std::size_t item = 0;  // index into the form's items
    int n = 0;             // submitted answers of the item (every relation using the form)
    std::optional<double> mean;
    std::optional<double> sd;                      // sample standard deviation
    std::optional<double> item_total_correlation;  // corrected, over the complete cases used for alpha
};

struct DimensionReliability {
    std::size_t dimension = 0;  // index into the form's dimensions
    int items = 0;
    int complete_cases = 0;     // submitted assignments that answered every item of the dimension
    std::optional<double> alpha;
};

struct FormReliability {
    const Form* form = nullptr;
    std::vector<Relation> relations;  // the relations pooled (that use this form)
    std::vector<DimensionReliability> dimensions;
    std::vector<ItemStatistics> items;  // every item of the form, form order
};

// One entry per distinct form of input.forms (the same object, or an equal
// form), in self, head, peer order of first appearance. Only submitted
// assignments count. Expects input already checked by compute_results().
std::vector<FormReliability> compute_reliability(const ScoringInput& input);

}  // namespace exemplar
