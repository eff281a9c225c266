#include "core/plan.h"

namespace exemplar {

double Plan::weight_of_dimension(std::string_view dimension_id) const {
    for (const auto& [dimension, weight] : dimension_weights)
        if (dimension == dimension_id) return weight;
    return 0;
}

}  // namespace exemplar
