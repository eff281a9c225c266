// A self-review or a head's evaluation: one exemplar (dimension) a page with
// its facet headings, each item's wording and its options as radio buttons,
// the speech's source sentence on demand, a progress bar, and the comment
// questions on a last page. Every choice is saved at once (AnswerSheet).
//
// Keyboard: 1..N picks an option of the current item, Left/Right the
// previous/next option, Up/Down/Tab move between items, Enter goes on (next
// item, then next page, then Submit), "?" shows the item's source.
// Submit refuses while required items are unanswered: they turn red and the
// first one is shown and focused. Submitted (locked) tasks are read-only.
#pragma once

#include <optional>
#include <vector>

#include <wx/panel.h>

#include "core/answer_sheet.h"
#include "gui/navigator.h"
#include "gui/session.h"

class wxButton;
class wxGauge;
class wxKeyEvent;
class wxRadioButton;
class wxScrolledWindow;
class wxStaticText;
class wxTextCtrl;

namespace exemplar::gui {

class EvaluationPanel : public wxPanel {
public:
    EvaluationPanel(wxWindow* parent, Session& session, Navigator& navigator, const Task& task);
    ~EvaluationPanel() override;

    const AnswerSheet& sheet() const { return sheet_; }
    std::size_t page() const { return page_; }
    std::size_t page_count() const { return pages_.size(); }
    std::optional<std::size_t> current_item() const { return current_; }
    bool highlighted(std::size_t item) const;
    // The item whose controls hold the keyboard focus, if any.
    std::optional<std::size_t> focused_item() const;

    void show_page(std::size_t page);
    void focus_first();
    void focus_item(std::size_t item);
    void choose(std::size_t item, std::size_t option);  // saves at once
    void submit();

private:
    struct Row {
        std::size_t item = 0;
        wxPanel* panel = nullptr;
        wxStaticText* wording = nullptr;
        wxStaticText* source = nullptr;
        std::vector<wxRadioButton*> options;
        wxRadioButton* none = nullptr;  // hidden: GTK groups always have one checked
    };

    void build_page();
    void on_key(wxKeyEvent& event);
    void go_on();
    void move(int delta);
    void update_progress();
    void paint_row(const Row& row);
    Row* row_of(std::size_t item);
    std::optional<std::size_t> item_of(const wxWindow* window) const;
    std::size_t page_of(std::size_t item) const;

    Session& session_;
    Navigator& navigator_;
    AnswerSheet sheet_;
    std::vector<std::vector<std::size_t>> pages_;  // items per page; comments after the last dimension page
    bool comments_page_ = false;
    std::size_t page_ = 0;
    std::optional<std::size_t> current_;
    std::vector<bool> missing_;  // highlighted: unanswered at the last refused submit
    std::vector<Row> rows_;      // of the current page
    wxWindow* top_level_ = nullptr;
    wxStaticText* page_title_ = nullptr;
    wxStaticText* banner_ = nullptr;
    wxGauge* gauge_ = nullptr;
    wxStaticText* counted_ = nullptr;
    wxScrolledWindow* scroll_ = nullptr;
    wxButton* previous_ = nullptr;
    wxButton* next_ = nullptr;
    wxButton* submit_ = nullptr;
    std::vector<wxTextCtrl*> comment_fields_;
};

}  // namespace exemplar::gui
