// A questionnaire (SPEC §2): scales, dimensions with facets and items, and
// free-text comment questions. Loaded by form_loader.h; immutable after.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace exemplar {

struct ScaleOption {
    std::string label;
    double value = 0;
    std::optional<double> points;  // as written in the file
    double score = 0;               // points, or (value − lo)/(hi − lo) × 100

    bool operator==(const ScaleOption&) const = default;
};

struct Scale {
    std::string id;
    std::vector<ScaleOption> options;  // display order
    std::vector<std::string> favorable;
    double highest_score = 0;  // P_hi
    double lowest_score = 0;   // P_lo

    const ScaleOption* option_with_label(std::string_view label) const;
    const ScaleOption* option_with_value(double value) const;
    bool is_favorable(std::string_view label) const;

    bool operator==(const Scale&) const = default;
};

inline constexpr std::size_t no_facet = static_cast<std::size_t>(-1);

struct Item {
    std::string id;
    std::string self_wording;   // empty: not usable for self-review
    std::string other_wording;  // empty: not usable for rating others
    std::size_t scale = 0;      // index into Form::scales
    bool reverse = false;
    double weight = 1;
    bool required = true;
    std::string source;           // the speech's sentence it comes from
    std::size_t dimension = 0;    // index into Form::dimensions
    std::size_t facet = no_facet; // index into that dimension's facets

    bool operator==(const Item&) const = default;
};

struct Facet {
    std::string id;
    std::string name;
    std::vector<std::size_t> items;  // indexes into Form::items

    bool operator==(const Facet&) const = default;
};

struct Dimension {
    std::string id;
    std::string name;
    std::vector<Facet> facets;       // empty when the items hang on the dimension
    std::vector<std::size_t> items;  // all its items, facets' included, in file order

    bool operator==(const Dimension&) const = default;
};

struct Comment {
    std::string id;
    std::string self_wording;
    std::string other_wording;

    bool operator==(const Comment&) const = default;
};

// Who answers a form: the ratee about themselves, or someone else.
enum class Use { self, others };

struct Form {
    std::string id;
    long long version = 0;
    std::string title;
    std::vector<Scale> scales;
    std::vector<Dimension> dimensions;
    std::vector<Item> items;  // every item, in file order
    std::vector<Comment> comments;

    // True when every item has wording for that use.
    bool usable_for(Use use) const;

    const Item* item(std::string_view item_id) const;
    const Dimension* dimension(std::string_view dimension_id) const;
    const Comment* comment(std::string_view comment_id) const;
    const Scale& scale_of(const Item& item) const { return scales[item.scale]; }

    // The wording shown for the use; falls back to the other wording when empty.
    static const std::string& wording(const Item& item, Use use);

    // n: the points an answer scores, reversed for reverse items (SPEC §5).
    double answer_score(const Item& item, const ScaleOption& option) const;

    bool operator==(const Form&) const = default;
};

}  // namespace exemplar
