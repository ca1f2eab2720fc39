package app

import (
	"bytes"
	"context"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zelfscan/app/widgets"
	"zelfscan/learningrecords/lrs"
	"zelfscan/learningrecords/xapi"
	"zelfscan/safefile"
	"zelfscan/usermsg"
	"zelfscan/workspace"
)

// screenRecords shows the learning records (xAPI) of a plan before they
// are saved or sent.
const screenRecords = "records"

// recordsState is one plan's statements as shown.
type recordsState struct {
	ps         *planState
	withName   bool
	statements []xapi.Statement
	json       []byte
}

// showRecords builds the statements of the plan and shows them exactly as
// they would be saved or sent; without a usable key or home page in the
// settings it says which setting is missing instead.
func (u *UI) showRecords(ps *planState) {
	if _, err := u.recordsConfig(false); err != nil {
		u.renderNoRecords(ps, err)
		return
	}
	rs := &recordsState{ps: ps}
	if err := u.buildRecords(rs); err != nil {
		u.showPDFError(lang.X("records.buildFailed", "De leerrecords konden niet worden samengesteld."), err)
		return
	}
	u.renderRecords(rs)
}

// recordsConfig is the organisation's learning-record settings, or why no
// records can be made with them.
func (u *UI) recordsConfig(withName bool) (xapi.Config, error) {
	l := u.org().LearningRecords
	if l.KeyUnset != "" {
		return xapi.Config{}, usermsg.New("xapi.keyUnset", map[string]any{"Var": l.KeyUnset})
	}
	c := xapi.Config{BaseIRI: l.BaseIRI, HomePage: l.AccountHomePage, Key: l.PseudonymKey, WithName: withName && l.SendName}
	return c, c.Check()
}

// renderNoRecords says why there are no records and whom to ask; nothing
// can be saved or sent.
func (u *UI) renderNoRecords(ps *planState, why error) {
	back := widgets.NewKeyButton(lang.X("records.back", "Terug naar het leerplan"), func() { u.showPlan(ps.sc.ID) })
	back.Icon = theme.NavigateBackIcon()
	body := container.NewVBox(heading(lang.X("records.title", "Leerrecords voor de leeromgeving (xAPI)")),
		warning(explain(why)),
		hint(lang.X("records.askIT", "Leerrecords en het versturen ervan stelt uw organisatie in. Geef deze melding door aan de ICT-afdeling; de rest van de app werkt gewoon.")))
	u.show(screenRecords, container.NewBorder(nil, container.NewBorder(nil, nil, back, nil), nil, nil, container.NewVScroll(body)))
}

func (u *UI) buildRecords(rs *recordsState) error {
	f, err := u.buildPlanFile(rs.ps)
	if err != nil {
		return err
	}
	cfg, err := u.recordsConfig(rs.withName)
	if err != nil {
		return err
	}
	st, err := xapi.Statements(f, cfg)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := xapi.Encode(&buf, st); err != nil {
		return err
	}
	rs.statements, rs.json = st, buf.Bytes()
	return nil
}

func (u *UI) renderRecords(rs *recordsState) {
	header := container.NewVBox(heading(lang.X("records.title", "Leerrecords voor de leeromgeving (xAPI)")),
		hint(lang.XN("records.intro", "Hieronder staat precies wat wordt bewaard of verstuurd: {{.Count}} berichten in xAPI-vorm. "+
			"U staat erin onder een schuilnaam. Ze bevatten uw niveaus per competentie, uw geplande en afgeronde acties en "+
			"het akkoord van uw begeleider; geen notities, toelichtingen, reflecties, evaluaties of eigen teksten.", len(rs.statements),
			map[string]any{"Count": len(rs.statements)})))
	if u.org().LearningRecords.SendName {
		name := widget.NewCheck(lang.X("records.withName", "Mijn naam meesturen (uw organisatie vraagt hierom)"), nil)
		name.Checked = rs.withName
		name.OnChanged = func(on bool) {
			rs.withName = on
			if err := u.buildRecords(rs); err != nil {
				u.showPDFError(lang.X("records.buildFailed", "De leerrecords konden niet worden samengesteld."), err)
				return
			}
			u.renderRecords(rs)
		}
		header.Add(name)
	}
	grid := widget.NewTextGridFromString(string(rs.json))

	back := widgets.NewKeyButton(lang.X("records.back", "Terug naar het leerplan"), func() { u.showPlan(rs.ps.sc.ID) })
	back.Icon = theme.NavigateBackIcon()
	save := widgets.NewKeyButton(lang.X("records.save", "Als JSON-bestand opslaan"), func() { u.chooseRecordsPath(rs) })
	save.Icon = theme.DocumentSaveIcon()
	right := container.NewHBox(save)
	// Without an LRS in the settings there is no button, and no network
	// code runs at all.
	if u.org().LearningRecords.HasLRS() {
		send := widgets.NewKeyButton(lang.X("records.send", "Naar leeromgeving sturen"), func() { u.confirmSend(rs) })
		send.Icon = theme.UploadIcon()
		send.Importance = widget.HighImportance
		right.Add(send)
	}
	footer := container.NewBorder(nil, nil, back, right)
	u.show(screenRecords, container.NewBorder(header, footer, nil, nil, container.NewScroll(grid)))
}

func (u *UI) chooseRecordsPath(rs *recordsState) {
	name := "leerrecords-" + u.now().Format("2006-01-02") + ".json"
	u.chooseSavePath(name, ".json", func(path string) {
		data := rs.json
		err := workspace.WriteFile(path, func(w io.Writer) error {
			_, err := w.Write(data)
			return err
		})
		if err != nil {
			safefile.RemoveEmpty(path)
			u.showFileProblem(lang.X("records.saveFailed", "De leerrecords konden niet worden bewaard in {{.Path}}.", map[string]any{"Path": path}), err)
			return
		}
		u.showDone(lang.X("records.savedTitle", "Leerrecords bewaard"), lang.X("records.saved", "De leerrecords staan in {{.Path}}.", map[string]any{"Path": path}))
	})
}

// confirmSend says where the statements go and sends them after a yes.
func (u *UI) confirmSend(rs *recordsState) {
	l := u.org().LearningRecords
	d := dialog.NewCustomConfirm(lang.X("records.confirmTitle", "Naar leeromgeving sturen?"),
		lang.X("records.sendYes", "Versturen"), lang.X("share.cancel", "Annuleren"),
		message(lang.XN("records.confirm", "De {{.Count}} berichten die u ziet gaan naar {{.URL}}, de leeromgeving die uw organisatie heeft ingesteld. Daarna staan ze daar, buiten deze computer.", len(rs.statements),
			map[string]any{"Count": len(rs.statements), "URL": l.LRS})),
		func(yes bool) {
			if yes {
				u.sendRecords(rs)
			}
		}, u.win)
	d.Resize(fyne.NewSize(dialogWidth, 0))
	u.showDialog(d)
}

// sendRecords sends with a progress bar per statement and an "Annuleren"
// that stops at once; lrs.Send bounds the total time.
func (u *UI) sendRecords(rs *recordsState) {
	l := u.org().LearningRecords
	ep := lrs.Endpoint{URL: l.LRS, User: l.LRSUser, Password: l.LRSPassword}
	ctx, cancel := context.WithCancel(context.Background())
	var out []lrs.Outcome
	count := len(rs.statements)
	sent := func(done int) string {
		return lang.X("records.progress", "{{.Done}} van {{.Count}} berichten", map[string]any{"Done": done, "Count": count})
	}
	u.runCounted(lang.X("records.sending", "De leerrecords worden verstuurd…"), count, sent, cancel, func(step func(int)) error {
		var err error
		out, err = lrs.Send(ctx, ep, rs.statements, step)
		return err
	}, func(err error) {
		cancel()
		accepted := 0
		var problems []string
		for i, o := range out {
			if o.Accepted {
				accepted++
				continue
			}
			if len(problems) < 5 {
				problems = append(problems, lang.X("records.problem", "bericht {{.N}}: {{.Problem}}", map[string]any{"N": i + 1, "Problem": explain(o.Problem)}))
			}
		}
		text := lang.XN("records.result", "{{.Accepted}} van de {{.Count}} berichten zijn aangenomen door de leeromgeving.", len(rs.statements),
			map[string]any{"Accepted": accepted, "Count": len(rs.statements)})
		if err != nil {
			fyne.LogError("lrs", err)
			text += "\n\n" + lang.X("records.notAll", "Niet aangenomen (opnieuw versturen kan veilig: wat al aankwam, telt niet dubbel):") +
				"\n" + strings.Join(problems, "\n")
		}
		u.showMessage(lang.X("records.resultTitle", "Leerrecords verstuurd"), text)
	})
}
