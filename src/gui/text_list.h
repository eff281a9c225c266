// A report-style list whose rows are asked for only when they are drawn
// (a virtual wxListCtrl): 10,000 people show at once, because nothing is
// copied into the control. The owner keeps the data and hands a function
// that gives one cell's text (and, if it likes, a row's text colour).
// Rows can still be read back with GetItemText(row, column), as tests do.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>

#include <wx/listctrl.h>

namespace exemplar::gui {

class TextList : public wxListCtrl {
public:
    using CellText = std::function<wxString(std::size_t row, int column)>;
    using RowColour = std::function<std::optional<wxColour>(std::size_t row)>;

    TextList(wxWindow* parent, const wxString& name, const wxSize& size = wxDefaultSize);

    // Shows `rows` rows; cells are asked for from `text` as they are drawn.
    // The functions must stay valid until the next show().
    void show(std::size_t rows, CellText text, RowColour colour = {});

    // The first selected row, if any.
    std::optional<std::size_t> selected_row() const;
    void select_row(std::size_t row);

private:
    wxString OnGetItemText(long item, long column) const override;
    wxItemAttr* OnGetItemAttr(long item) const override;

    CellText text_;
    RowColour colour_;
    mutable wxItemAttr attr_;  // handed out for one row at a time, as wxListCtrl expects
};

}  // namespace exemplar::gui
