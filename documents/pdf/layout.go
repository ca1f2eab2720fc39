package pdf

import "zelfscan/documents/chart"

// The document is first described with the types below and only then drawn
// by render.go, so the content rules stay free of the PDF library (which is
// archived and could be swapped) and the page-break logic lives in one place.

// block is one piece of the document; render.go knows how to measure and
// draw each kind.
type block interface{ isBlock() }

// face is the font style of a text.
type face int

const (
	regular face = iota
	bold
	italic
)

// newPage starts a new page (each main section starts on one).
type newPage struct{}

// heading is a section title (level 1) or a subsection title (level 2).
type heading struct {
	text  string
	level int
}

// para is running text; newlines in it start new lines.
type para struct {
	text  string
	face  face
	size  float64 // points; 0 is the body size
	muted bool
}

// field is one label with its value, drawn as a two-column row.
type field struct{ label, value string }

// fields is a label/value list.
type fields []field

// column is one column of a table; width is a share of the text width.
type column struct {
	title string
	width float64
}

// table is a table with a shaded header row that repeats after a page break.
type table struct {
	cols []column
	rows [][]string
	// strong marks cells to set in bold, by row and column.
	strong func(row, col int) bool
}

// picture is a PNG, or a chart drawn as vectors when vector is set, at the
// full text width.
type picture struct {
	name   string
	png    []byte
	vector *chart.Drawing
	// aspect is height / width.
	aspect float64
}

// writeLines are empty ruled lines to write on by hand.
type writeLines struct {
	label string
	n     int
}

// signatures are labelled signature lines next to each other.
type signatures []string

// spacer is vertical room in millimetres.
type spacer float64

// rule is a thin horizontal line.
type rule struct{}

// group is kept on one page when it fits on one; a taller group flows.
type group []block

// float is a group that goes where it is in the text when it fits there,
// and otherwise at the top of the next page, with the text that follows
// it filling the rest of this one (the profile chart: it would leave most
// of a page empty behind a summary that runs over).
type float group

func (newPage) isBlock()    {}
func (heading) isBlock()    {}
func (para) isBlock()       {}
func (fields) isBlock()     {}
func (table) isBlock()      {}
func (picture) isBlock()    {}
func (writeLines) isBlock() {}
func (signatures) isBlock() {}
func (spacer) isBlock()     {}
func (rule) isBlock()       {}
func (group) isBlock()      {}
func (float) isBlock()      {}

// document is everything render.go needs.
type document struct {
	title  string // PDF metadata
	author string
	header string // on top of every page
	// framework names the framework (and extension) the content was made
	// against, in the footer of every page, so a reader of any one page
	// knows it.
	framework string
	blocks    []block
	// compressed compresses the page streams: for the long documents (the
	// framework, the organisation overview), where size counts for more
	// than the milliseconds it costs (see render).
	compressed bool
}
