#include "gui/text_list.h"

#include <utility>

namespace exemplar::gui {

TextList::TextList(wxWindow* parent, const wxString& name, const wxSize& size)
    : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, size, wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL) {
    SetName(name);
}

void TextList::show(std::size_t rows, CellText text, RowColour colour) {
    text_ = std::move(text);
    colour_ = std::move(colour);
    // A virtual list keeps its selection by row number; the rows are new.
    for (long row = GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED); row >= 0;
         row = GetNextItem(row, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED))
        SetItemState(row, 0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    SetItemCount(static_cast<long>(rows));
    Refresh();
}

std::optional<std::size_t> TextList::selected_row() const {
    const long row = GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (row < 0) return std::nullopt;
    return static_cast<std::size_t>(row);
}

void TextList::select_row(std::size_t row) {
    const long at = static_cast<long>(row);
    if (at >= GetItemCount()) return;
    SetItemState(at, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    EnsureVisible(at);
}

wxString TextList::OnGetItemText(long item, long column) const {
    if (!text_ || item < 0) return {};
    return text_(static_cast<std::size_t>(item), static_cast<int>(column));
}

wxItemAttr* TextList::OnGetItemAttr(long item) const {
    if (!colour_ || item < 0) return nullptr;
    const std::optional<wxColour> colour = colour_(static_cast<std::size_t>(item));
    if (!colour) return nullptr;
    attr_.SetTextColour(*colour);
    return &attr_;
}

}  // namespace exemplar::gui
