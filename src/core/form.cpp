#include "core/form.h"

#include <algorithm>

namespace exemplar {

const ScaleOption* Scale::option_with_label(std::string_view label) const {
    for (const ScaleOption& option : options)
        if (option.label == label) return &option;
    return nullptr;
}

const ScaleOption* Scale::option_with_value(double value) const {
    for (const ScaleOption& option : options)
        if (option.value == value) return &option;
    return nullptr;
}

bool Scale::is_favorable(std::string_view label) const {
    return std::find(favorable.begin(), favorable.end(), label) != favorable.end();
}

bool Form::usable_for(Use use) const {
    return std::all_of(items.begin(), items.end(), [use](const Item& item) {
        return !(use == Use::self ? item.self_wording : item.other_wording).empty();
    });
}

const Item* Form::item(std::string_view item_id) const {
    for (const Item& candidate : items)
        if (candidate.id == item_id) return &candidate;
    return nullptr;
}

const Dimension* Form::dimension(std::string_view dimension_id) const {
    for (const Dimension& candidate : dimensions)
        if (candidate.id == dimension_id) return &candidate;
    return nullptr;
}

const Comment* Form::comment(std::string_view comment_id) const {
    for (const Comment& candidate : comments)
        if (candidate.id == comment_id) return &candidate;
    return nullptr;
}

const std::string& Form::wording(const Item& item, Use use) {
    const std::string& wanted = use == Use::self ? item.self_wording : item.other_wording;
    return wanted.empty() ? (use == Use::self ? item.other_wording : item.self_wording) : wanted;
}

double Form::answer_score(const Item& item, const ScaleOption& option) const {
    const Scale& scale = scales[item.scale];
    return item.reverse ? scale.highest_score + scale.lowest_score - option.score : option.score;
}

}  // namespace exemplar
