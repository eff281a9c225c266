#include "core/form_json.h"

#include "core/json_writer.h"

namespace exemplar {

namespace {

void write_item(JsonWriter& json, const Form& form, const Item& item) {
    json.begin_object();
    json.key("id");
    json.value(item.id);
    if (!item.self_wording.empty()) {
        json.key("self");
        json.value(item.self_wording);
    }
    if (!item.other_wording.empty()) {
        json.key("other");
        json.value(item.other_wording);
    }
    json.key("scale");
    json.value(form.scale_of(item).id);
    json.key("reverse");
    json.value(item.reverse);
    json.key("weight");
    json.value(item.weight);
    json.key("required");
    json.value(item.required);
    if (!item.source.empty()) {
        json.key("source");
        json.value(item.source);
    }
    json.end_object();
}

void write_items(JsonWriter& json, const Form& form, const std::vector<std::size_t>& items) {
    json.key("items");
    json.begin_array();
    for (const std::size_t index : items) write_item(json, form, form.items[index]);
    json.end_array();
}

}  // namespace

std::string form_to_json(const Form& form) {
    JsonWriter json;
    json.begin_object();
    json.key("form");
    json.value(form.id);
    json.key("version");
    json.value(form.version);
    json.key("title");
    json.value(form.title);

    json.key("scales");
    json.begin_object();
    for (const Scale& scale : form.scales) {
        json.key(scale.id);
        json.begin_object();
        json.key("options");
        json.begin_array();
        for (const ScaleOption& option : scale.options) {
            json.begin_object();
            json.key("label");
            json.value(option.label);
            json.key("value");
            json.value(option.value);
            if (option.points) {
                json.key("points");
                json.value(*option.points);
            }
            json.end_object();
        }
        json.end_array();
        if (!scale.favorable.empty()) {
            json.key("favorable");
            json.begin_array();
            for (const std::string& label : scale.favorable) json.value(label);
            json.end_array();
        }
        json.end_object();
    }
    json.end_object();

    json.key("dimensions");
    json.begin_array();
    for (const Dimension& dimension : form.dimensions) {
        json.begin_object();
        json.key("id");
        json.value(dimension.id);
        json.key("name");
        json.value(dimension.name);
        if (dimension.facets.empty()) {
            write_items(json, form, dimension.items);
        } else {
            json.key("facets");
            json.begin_array();
            for (const Facet& facet : dimension.facets) {
                json.begin_object();
                json.key("id");
                json.value(facet.id);
                json.key("name");
                json.value(facet.name);
                write_items(json, form, facet.items);
                json.end_object();
            }
            json.end_array();
        }
        json.end_object();
    }
    json.end_array();

    if (!form.comments.empty()) {
        json.key("comments");
        json.begin_array();
        for (const Comment& comment : form.comments) {
            json.begin_object();
            json.key("id");
            json.value(comment.id);
            if (!comment.self_wording.empty()) {
                json.key("self");
                json.value(comment.self_wording);
            }
            if (!comment.other_wording.empty()) {
                json.key("other");
                json.value(comment.other_wording);
            }
            json.end_object();
        }
        json.end_array();
    }
    json.end_object();
    return json.str() + "\n";
}

}  // namespace exemplar
