#include "gui/evaluation_panel.h"

#include <algorithm>

#include <wx/button.h>
#include <wx/gauge.h>
#include <wx/radiobut.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "gui/appearance.h"
#include "gui/compat.h"

namespace exemplar::gui {
namespace {

const wxColour missing_colour(0xFD, 0xE2, 0xE2);
const wxColour current_colour(0xE6, 0xEF, 0xFB);
const wxColour plain_colour(0xFF, 0xFF, 0xFF);
const wxColour red_text(0xB0, 0x1C, 0x1C);
const wxColour heading_colour(0x9B, 0x1B, 0x1B);
const wxColour quiet_text(0x60, 0x60, 0x60);

}  // namespace

EvaluationPanel::EvaluationPanel(wxWindow* parent, Session& session, Navigator& navigator, const Task& task)
    : wxPanel(parent),
      session_(session),
      navigator_(navigator),
      sheet_(AnswerSheet::open(*session.db, *session.cycle, task.rater, task.ratee, task.relation)) {
    SetName("evaluation_page");
    const Form& form = sheet_.form();
    for (const Dimension& dimension : form.dimensions) pages_.push_back(dimension.items);
    comments_page_ = !form.comments.empty();
    if (comments_page_) pages_.emplace_back();
    missing_.assign(form.items.size(), false);

    const int gap = FromDIP(10);
    auto* outer = new wxBoxSizer(wxVERTICAL);
    const Cycle& cycle = *session_.cycle;
    const wxString who = sheet_.relation() == Relation::self
                             ? wxString::Format(_("My self-review — %s"), to_wx(cycle.members[sheet_.ratee()].name))
                             : wxString::Format(_("Evaluation of %s"), to_wx(cycle.members[sheet_.ratee()].name));
    auto* title = new wxStaticText(this, wxID_ANY, who);
    title->SetFont(ui_font(2, true));
    auto* subtitle = new wxStaticText(this, wxID_ANY, to_wx(form.title) + "  ·  " + to_wx(cycle.name));
    subtitle->SetForegroundColour(quiet_text);
    outer->Add(title, 0, wxLEFT | wxRIGHT | wxTOP, 2 * gap);
    outer->AddSpacer(gap / 2);
    outer->Add(subtitle, 0, wxLEFT | wxRIGHT, 2 * gap);

    auto* progress = new wxBoxSizer(wxHORIZONTAL);
    page_title_ = new wxStaticText(this, wxID_ANY, {});
    page_title_->SetFont(ui_font(1, true));
    progress->Add(page_title_, 1, wxALIGN_CENTER_VERTICAL);
    gauge_ = new wxGauge(this, wxID_ANY, static_cast<int>(std::max<std::size_t>(1, form.items.size())), wxDefaultPosition,
                         FromDIP(wxSize(260, 14)));
    gauge_->SetName("progress");
    progress->Add(gauge_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    counted_ = new wxStaticText(this, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, wxST_NO_AUTORESIZE);
    counted_->SetMinSize(FromDIP(wxSize(150, -1)));
    progress->Add(counted_, 0, wxALIGN_CENTER_VERTICAL);
    outer->Add(progress, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 2 * gap);

    banner_ = new wxStaticText(this, wxID_ANY, {});
    banner_->SetName("banner");
    outer->AddSpacer(gap);
    outer->Add(banner_, 0, wxEXPAND | wxLEFT | wxRIGHT, 2 * gap);

    scroll_ = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL | wxBORDER_THEME);
    scroll_->SetName("items");
    scroll_->SetBackgroundColour(plain_colour);
    scroll_->SetScrollRate(0, FromDIP(20));
    outer->Add(scroll_, 1, wxEXPAND | wxALL, gap);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    previous_ = new wxButton(this, wxID_ANY, _("← &Previous page"));
    previous_->SetName("previous");
    next_ = new wxButton(this, wxID_ANY, _("&Next page →"));
    next_->SetName("next");
    auto* back = new wxButton(this, wxID_ANY, _("&Back to my tasks"));
    back->SetName("back");
    submit_ = new wxButton(this, wxID_ANY, _("&Submit"));
    submit_->SetName("submit");
    buttons->Add(previous_, 0, wxRIGHT, gap);
    buttons->Add(next_);
    buttons->AddStretchSpacer();
    buttons->Add(back, 0, wxRIGHT, gap);
    buttons->Add(submit_);
    outer->Add(buttons, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 2 * gap);
    SetSizer(outer);

    previous_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { if (page_ > 0) { show_page(page_ - 1); focus_first(); } });
    next_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { if (page_ + 1 < pages_.size()) { show_page(page_ + 1); focus_first(); } });
    back->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { navigator_.show_tasks(); });
    submit_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { submit(); });
    scroll_->Bind(wxEVT_CHILD_FOCUS, [this](wxChildFocusEvent& event) {
        event.Skip();  // the scrolled window brings the focused control into view
        if (const auto item = item_of(event.GetWindow()); item && item != current_) {
            const auto before = current_;
            current_ = item;
            if (before)
                if (Row* row = row_of(*before)) paint_row(*row);
            if (Row* row = row_of(*item)) paint_row(*row);
        }
    });
    // Keys go to the focused control first; the hook on the frame sees them before it.
    top_level_ = wxGetTopLevelParent(parent);
    top_level_->Bind(wxEVT_CHAR_HOOK, &EvaluationPanel::on_key, this);

    if (sheet_.read_only()) {
        banner_->SetLabel(sheet_.locked() ? _("Submitted: this task is shown read-only.")
                                          : _("The cycle is closed: this task is shown read-only."));
        banner_->SetForegroundColour(quiet_text);
    } else {
        banner_->SetLabel(_("Every answer is saved at once. Keys: 1–5 choose, ↑/↓ move, Enter goes on, ? shows the source."));
        banner_->SetForegroundColour(quiet_text);
    }
    submit_->Show(!sheet_.read_only());
    update_progress();
    show_page(0);
}

EvaluationPanel::~EvaluationPanel() { top_level_->Unbind(wxEVT_CHAR_HOOK, &EvaluationPanel::on_key, this); }

void EvaluationPanel::show_page(std::size_t page) {
    page_ = std::min(page, pages_.size() - 1);
    current_.reset();
    build_page();
}

void EvaluationPanel::build_page() {
    const Form& form = sheet_.form();
    const bool read_only = sheet_.read_only();
    const bool comments = comments_page_ && page_ + 1 == pages_.size();
    const int gap = FromDIP(10);
    const int wrap = std::max(FromDIP(480), GetParent()->GetClientSize().x - FromDIP(220));

    scroll_->Freeze();
    scroll_->DestroyChildren();
    rows_.clear();
    comment_fields_.clear();
    auto* sizer = new wxBoxSizer(wxVERTICAL);

    if (comments) {
        page_title_->SetLabel(wxString::Format(_("Page %zu of %zu: comments"), page_ + 1, pages_.size()));
        for (const Comment& comment : form.comments) {
            const std::string& wording = sheet_.use() == Use::self && !comment.self_wording.empty() ? comment.self_wording
                                         : comment.other_wording.empty()                           ? comment.self_wording
                                                                                                   : comment.other_wording;
            auto* label = new wxStaticText(scroll_, wxID_ANY, to_wx(wording));
            label->SetFont(ui_font(0, true));
            sizer->Add(label, 0, wxLEFT | wxRIGHT | wxTOP, 2 * gap);
            auto* field = new wxTextCtrl(scroll_, wxID_ANY, to_wx(sheet_.comment(comment.id)), wxDefaultPosition,
                                         FromDIP(wxSize(-1, 120)), wxTE_MULTILINE | (read_only ? wxTE_READONLY : 0));
            field->SetName("comment_" + to_wx(comment.id));
            const std::string id = comment.id;
            field->Bind(wxEVT_TEXT, [this, field, id](wxCommandEvent&) {
                if (!sheet_.read_only()) sheet_.set_comment(*session_.db, id, from_wx(field->GetValue()));
            });
            sizer->Add(field, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
            comment_fields_.push_back(field);
        }
        auto* hint = new wxStaticText(scroll_, wxID_ANY, _("Comments are optional. Ctrl+Enter goes on to the next field and then to Submit."));
        hint->SetForegroundColour(quiet_text);
        sizer->Add(hint, 0, wxALL, 2 * gap);
    } else {
        const Dimension& dimension = form.dimensions[page_];
        page_title_->SetLabel(wxString::Format(_("Page %zu of %zu: %s"), page_ + 1, pages_.size(), to_wx(dimension.name)));
        const auto add_item = [&](std::size_t index) {
            const Item& item = form.items[index];
            const Scale& scale = form.scale_of(item);
            Row row;
            row.item = index;
            row.panel = new wxPanel(scroll_);
            row.panel->SetName(wxString::Format("item_%zu", index));
            auto* box = new wxBoxSizer(wxVERTICAL);
            auto* line = new wxBoxSizer(wxHORIZONTAL);
            auto* number = new wxStaticText(row.panel, wxID_ANY, wxString::Format("%zu.", index + 1), wxDefaultPosition,
                                            FromDIP(wxSize(40, -1)));
            number->SetFont(ui_font(0, true));
            line->Add(number, 0, wxALIGN_TOP);
            row.wording = new wxStaticText(row.panel, wxID_ANY, to_wx(Form::wording(item, sheet_.use())));
            row.wording->Wrap(wrap);
            line->Add(row.wording, 1, wxALIGN_TOP);
            if (!item.source.empty()) {
                auto* source_button = new wxButton(row.panel, wxID_ANY, _("Source"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
                source_button->SetToolTip(to_wx(item.source));
                line->Add(source_button, 0, wxLEFT, gap);
                source_button->Bind(wxEVT_BUTTON, [this, index](wxCommandEvent&) {
                    if (Row* r = row_of(index)) {
                        r->source->Show(!r->source->IsShown());
                        scroll_->FitInside();
                        scroll_->Layout();
                    }
                });
            }
            box->Add(line, 0, wxEXPAND);
            row.source = new wxStaticText(row.panel, wxID_ANY, _("Source: ") + to_wx(item.source));
            row.source->SetForegroundColour(quiet_text);
            row.source->Wrap(wrap);
            row.source->Hide();
            box->Add(row.source, 0, wxLEFT, FromDIP(40));
            auto* options = new wxBoxSizer(wxHORIZONTAL);
            for (std::size_t k = 0; k < scale.options.size(); ++k) {
                auto* radio = new wxRadioButton(row.panel, wxID_ANY, wxString::Format("%zu ", k + 1) + to_wx(scale.options[k].label),
                                                wxDefaultPosition, wxDefaultSize, k == 0 ? wxRB_GROUP : 0);
                radio->Bind(wxEVT_RADIOBUTTON, [this, index, k](wxCommandEvent&) { choose(index, k); });
                radio->Enable(!read_only);
                options->Add(radio, 0, wxRIGHT, 3 * gap);
                row.options.push_back(radio);
            }
            row.none = new wxRadioButton(row.panel, wxID_ANY, {});
            row.none->Hide();
            const AnswerCode code = sheet_.answer(index);
            (code == unanswered ? row.none : row.options[option_index(code)])->SetValue(true);
            box->AddSpacer(FromDIP(8));
            box->Add(options, 0, wxLEFT, FromDIP(40));
            // Padding inside the coloured row.
            auto* padded = new wxBoxSizer(wxVERTICAL);
            padded->Add(box, 1, wxEXPAND | wxALL, gap);
            row.panel->SetSizer(padded);
            sizer->Add(row.panel, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap / 2);
            rows_.push_back(row);
            paint_row(rows_.back());
        };
        const auto add_heading = [&](const std::string& name) {
            auto* heading = new wxStaticText(scroll_, wxID_ANY, to_wx(name));
            heading->SetFont(ui_font(1, true));
            heading->SetForegroundColour(heading_colour);
            sizer->Add(heading, 0, wxLEFT | wxRIGHT | wxTOP, 2 * gap);
            sizer->AddSpacer(gap / 2);
        };
        if (dimension.facets.empty()) {
            for (const std::size_t index : dimension.items) add_item(index);
        } else {
            for (const Facet& facet : dimension.facets) {
                add_heading(facet.name);
                for (const std::size_t index : facet.items) add_item(index);
            }
        }
        sizer->AddSpacer(2 * gap);
    }
    scroll_->SetSizer(sizer);
    scroll_->FitInside();
    scroll_->Scroll(0, 0);
    scroll_->Layout();
    scroll_->Thaw();

    previous_->Enable(page_ > 0);
    next_->Enable(page_ + 1 < pages_.size());
    Layout();
}

void EvaluationPanel::paint_row(const Row& row) {
    const bool missing = missing_[row.item] && sheet_.answer(row.item) == unanswered;
    const bool current = current_ == row.item;
    row.panel->SetBackgroundColour(missing ? missing_colour : current ? current_colour : plain_colour);
    row.wording->SetForegroundColour(missing ? red_text : wxColour(0x20, 0x20, 0x20));
    row.panel->Refresh();
}

bool EvaluationPanel::highlighted(std::size_t item) const {
    return item < missing_.size() && missing_[item] && sheet_.answer(item) == unanswered;
}

EvaluationPanel::Row* EvaluationPanel::row_of(std::size_t item) {
    const auto found = std::find_if(rows_.begin(), rows_.end(), [item](const Row& row) { return row.item == item; });
    return found == rows_.end() ? nullptr : &*found;
}

std::optional<std::size_t> EvaluationPanel::item_of(const wxWindow* window) const {
    for (; window != nullptr && window != scroll_; window = window->GetParent())
        for (const Row& row : rows_)
            if (row.panel == window) return row.item;
    return std::nullopt;
}

std::optional<std::size_t> EvaluationPanel::focused_item() const { return item_of(FindFocus()); }

std::size_t EvaluationPanel::page_of(std::size_t item) const {
    for (std::size_t page = 0; page < pages_.size(); ++page)
        if (std::find(pages_[page].begin(), pages_[page].end(), item) != pages_[page].end()) return page;
    return 0;
}

void EvaluationPanel::focus_first() {
    if (!pages_[page_].empty()) {
        focus_item(pages_[page_].front());
    } else if (!comment_fields_.empty()) {
        comment_fields_.front()->SetFocus();
    }
}

void EvaluationPanel::focus_item(std::size_t item) {
    if (page_of(item) != page_) show_page(page_of(item));
    Row* row = row_of(item);
    if (row == nullptr) return;
    const auto before = current_;
    current_ = item;
    if (before)
        if (Row* old = row_of(*before)) paint_row(*old);
    paint_row(*row);
    // Bring the whole row into view, then focus its chosen (or first) option.
    int unit = 1;
    scroll_->GetScrollPixelsPerUnit(nullptr, &unit);
    const wxPoint top = scroll_->CalcUnscrolledPosition(row->panel->GetPosition());
    const int view = scroll_->GetClientSize().y;
    int first_visible = 0;
    scroll_->GetViewStart(nullptr, &first_visible);
    first_visible *= std::max(unit, 1);
    const int bottom = top.y + row->panel->GetSize().y;
    if (top.y < first_visible || bottom > first_visible + view)
        scroll_->Scroll(-1, std::max(0, top.y - FromDIP(60)) / std::max(unit, 1));
    const AnswerCode code = sheet_.answer(item);
    wxRadioButton* target = code == unanswered ? row->options.front() : row->options[option_index(code)];
    if (target->IsEnabled()) target->SetFocus();
    else scroll_->SetFocus();
}

void EvaluationPanel::choose(std::size_t item, std::size_t option) {
    if (sheet_.read_only()) return;
    const Form& form = sheet_.form();
    if (option >= form.scale_of(form.items[item]).options.size()) return;
    sheet_.set_answer(*session_.db, item, answer_code(option));
    if (Row* row = row_of(item)) {
        row->options[option]->SetValue(true);
        paint_row(*row);
    }
    update_progress();
}

void EvaluationPanel::update_progress() {
    const std::size_t total = sheet_.form().items.size();
    gauge_->SetValue(static_cast<int>(sheet_.answered()));
    counted_->SetLabel(wxString::Format(_("Answered %zu of %zu"), sheet_.answered(), total));
}

void EvaluationPanel::move(int delta) {
    const auto& items = pages_[page_];
    if (items.empty()) return;
    const auto at = current_ ? std::find(items.begin(), items.end(), *current_) : items.end();
    if (at == items.end()) {
        focus_item(delta > 0 ? items.front() : items.back());
        return;
    }
    const auto position = at - items.begin() + delta;
    if (position >= 0 && position < static_cast<std::ptrdiff_t>(items.size())) focus_item(items[static_cast<std::size_t>(position)]);
}

// Enter: the next item, else the next page, else the Submit button.
void EvaluationPanel::go_on() {
    const auto& items = pages_[page_];
    if (current_) {
        const auto at = std::find(items.begin(), items.end(), *current_);
        if (at != items.end() && at + 1 != items.end()) {
            focus_item(*(at + 1));
            return;
        }
    }
    if (page_ + 1 < pages_.size()) {
        show_page(page_ + 1);
        focus_first();
    } else if (submit_->IsShown()) {
        submit_->SetFocus();
    }
}

void EvaluationPanel::on_key(wxKeyEvent& event) {
    wxWindow* focus = FindFocus();
    if (!IsShownOnScreen() || (focus != nullptr && focus != this && !IsDescendant(focus))) {
        event.Skip();
        return;
    }
    const int key = event.GetKeyCode();
    const bool enter = key == WXK_RETURN || key == WXK_NUMPAD_ENTER;
    if (auto* text = dynamic_cast<wxTextCtrl*>(focus)) {
        // Comment fields: Ctrl+Enter goes on, every other key is typed.
        if (enter && event.ControlDown()) {
            const auto at = std::find(comment_fields_.begin(), comment_fields_.end(), text);
            if (at != comment_fields_.end() && at + 1 != comment_fields_.end()) (*(at + 1))->SetFocus();
            else if (submit_->IsShown()) submit_->SetFocus();
            return;
        }
        event.Skip();
        return;
    }
    if (auto* button = dynamic_cast<wxButton*>(focus); button && enter) {
        wxCommandEvent click(wxEVT_BUTTON, button->GetId());
        click.SetEventObject(button);
        button->ProcessWindowEvent(click);
        return;
    }
    if (event.AltDown() || event.ControlDown()) {
        event.Skip();
        return;
    }
    const auto focused = item_of(focus);
    const auto item = focused ? focused : current_;
    if (item && key >= '1' && key <= '9') {
        choose(*item, static_cast<std::size_t>(key - '1'));
    } else if (item && key >= WXK_NUMPAD1 && key <= WXK_NUMPAD9) {
        choose(*item, static_cast<std::size_t>(key - WXK_NUMPAD1));
    } else if (item && (key == WXK_LEFT || key == WXK_RIGHT)) {
        const AnswerCode code = sheet_.answer(*item);
        const std::size_t options = sheet_.form().scale_of(sheet_.form().items[*item]).options.size();
        if (code == unanswered) choose(*item, key == WXK_LEFT ? options - 1 : 0);
        else if (key == WXK_LEFT && option_index(code) > 0) choose(*item, option_index(code) - 1);
        else if (key == WXK_RIGHT && option_index(code) + 1 < options) choose(*item, option_index(code) + 1);
        focus_item(*item);
    } else if (key == WXK_UP || (key == WXK_TAB && event.ShiftDown() && focused)) {
        if (key == WXK_TAB && !pages_[page_].empty() && focused == pages_[page_].front()) event.Skip();
        else move(-1);
    } else if (key == WXK_DOWN || (key == WXK_TAB && !event.ShiftDown() && focused)) {
        if (key == WXK_TAB && !pages_[page_].empty() && focused == pages_[page_].back()) event.Skip();  // on to the buttons
        else move(+1);
    } else if (enter) {
        go_on();
    } else if (item && (key == '?' || event.GetUnicodeKey() == '?')) {
        if (Row* row = row_of(*item)) {
            row->source->Show(!row->source->IsShown());
            scroll_->FitInside();
            scroll_->Layout();
        }
    } else {
        event.Skip();
    }
}

void EvaluationPanel::submit() {
    if (sheet_.read_only()) return;
    const auto missing = sheet_.missing_required();
    if (!missing.empty()) {
        for (const std::size_t item : missing) missing_[item] = true;
        banner_->SetLabel(wxString::Format(_("Not submitted: %zu required items are still unanswered. They are marked in red."), missing.size()));
        banner_->SetForegroundColour(red_text);
        banner_->SetFont(ui_font(0, true));
        show_page(page_of(missing.front()));
        focus_item(missing.front());
        Layout();
        return;
    }
    sheet_.submit(*session_.db);
    banner_->SetLabel(_("Submitted, thank you. This task is now shown read-only."));
    banner_->SetForegroundColour(wxColour(0x1B, 0x6E, 0x2E));
    banner_->SetFont(ui_font(0, true));
    submit_->Hide();
    show_page(page_);
    Layout();
}

}  // namespace exemplar::gui
