#include "gui/dialogs.h"

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "core/admin_password.h"
#include "gui/appearance.h"
#include "gui/compat.h"

namespace exemplar::gui {
namespace {

class PasswordDialog : public wxDialog {
public:
    PasswordDialog(wxWindow* parent, const wxString& title, const wxString& intro, bool twice)
        : wxDialog(parent, wxID_ANY, title) {
        SetFont(ui_font());
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        auto* text = new wxStaticText(this, wxID_ANY, intro);
        text->Wrap(FromDIP(420));
        sizer->Add(text, 0, wxALL, FromDIP(14));
        auto* grid = new wxFlexGridSizer(2, FromDIP(8), FromDIP(10));
        grid->AddGrowableCol(1);
        grid->Add(new wxStaticText(this, wxID_ANY, _("Password:")), 0, wxALIGN_CENTER_VERTICAL);
        first_ = new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, FromDIP(wxSize(260, -1)), wxTE_PASSWORD);
        first_->SetName("password");
        grid->Add(first_, 1, wxEXPAND);
        if (twice) {
            grid->Add(new wxStaticText(this, wxID_ANY, _("Again:")), 0, wxALIGN_CENTER_VERTICAL);
            second_ = new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, FromDIP(wxSize(260, -1)), wxTE_PASSWORD);
            second_->SetName("password_again");
            grid->Add(second_, 1, wxEXPAND);
        }
        sizer->Add(grid, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(14));
        problem_ = new wxStaticText(this, wxID_ANY, {});
        problem_->SetName("problem");
        problem_->SetForegroundColour(wxColour(0xB0, 0x1C, 0x1C));
        sizer->Add(problem_, 0, wxEXPAND | wxALL, FromDIP(14));
        sizer->Add(CreateSeparatedButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, FromDIP(10));
        SetSizerAndFit(sizer);
        first_->SetFocus();
    }
    std::string first() const { return from_wx(first_->GetValue()); }
    std::string second() const { return second_ ? from_wx(second_->GetValue()) : std::string(); }
    void refuse(const wxString& why) {
        problem_->SetLabel(why);
        problem_->Wrap(FromDIP(420));
        first_->Clear();
        if (second_) second_->Clear();
        first_->SetFocus();
        Fit();
    }

private:
    wxTextCtrl* first_ = nullptr;
    wxTextCtrl* second_ = nullptr;
    wxStaticText* problem_ = nullptr;
};

}  // namespace

bool ShowSetAdminPasswordDialog(wxWindow* parent, Database& db) {
    PasswordDialog dialog(parent, _("Set the HR administrator password"),
                          _("This is the first start: choose the password that protects the HR pages "
                            "(at least 8 characters). Enter it twice."),
                          true);
    while (dialog.ShowModal() == wxID_OK) {
        if (const auto problem = admin_password_problem(dialog.first())) {
            dialog.refuse(to_wx(*problem));
        } else if (dialog.first() != dialog.second()) {
            dialog.refuse(_("The two passwords differ."));
        } else {
            set_admin_password(db, dialog.first());
            return true;
        }
    }
    return false;
}

bool ShowAdminSignInDialog(wxWindow* parent, const Database& db) {
    PasswordDialog dialog(parent, _("HR sign-in"), _("Enter the HR administrator password."), false);
    while (dialog.ShowModal() == wxID_OK) {
        if (check_admin_password(db, dialog.first())) return true;
        dialog.refuse(_("Wrong password."));
    }
    return false;
}

}  // namespace exemplar::gui
