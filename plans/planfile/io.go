package planfile

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"path/filepath"
	"strings"

	"zelfscan/safefile"
	"zelfscan/usermsg"
)

// Extension is the file name extension of a plan file (JSON inside).
const Extension = ".zelfscan"

// AttachmentName is the name of the plan file embedded in the PDF of a plan,
// so the PDF alone is enough to open the plan in review mode.
const AttachmentName = "leerplan.zelfscan.json"

// MaxFileSize caps a plan file. A real plan is tens of kilobytes; the cap
// stops a wrong or hostile file from filling memory.
const MaxFileSize = 10 << 20

// MaxPDFSize caps a PDF read for its attachment: fonts and charts make a
// plan PDF a few megabytes at most.
const MaxPDFSize = 50 << 20

// The kinds of problem a FileError reports; test with errors.Is.
var (
	ErrEmpty        = errors.New("leeg bestand")
	ErrTooLarge     = errors.New("bestand te groot")
	ErrCorrupt      = errors.New("beschadigd bestand")
	ErrNotPlanFile  = errors.New("geen leerplanbestand")
	ErrNewerVersion = errors.New("nieuwere bestandsversie")
	ErrInvalid      = errors.New("onmogelijke waarden")
	ErrNoAttachment = errors.New("pdf zonder leerplanbestand")
)

// FileError is a plan file that cannot be read. Problem is Dutch and meant
// for the user; Err is one of the Err* values above, or the cause of an open
// or read failure. It is the error type of safefile, so a file refused
// there (a folder, a FIFO) needs no conversion.
type FileError = safefile.Error

func fileError(name string, err error, code string, args map[string]any) *FileError {
	return &FileError{Name: displayName(name), Problem: usermsg.New(code, args), Err: err}
}

// displayName is the base name: what the user sees in the file dialog.
func displayName(name string) string {
	if name == "" {
		return "(naamloos bestand)"
	}
	return filepath.Base(name)
}

// Kind is what a file's first bytes say it is.
type Kind int

const (
	KindUnknown Kind = iota
	KindJSON
	KindPDF
)

// pdfMagicWindow is how far into a file the "%PDF-" header may start; the
// PDF standard lets readers accept some junk before it, and viewers do.
const pdfMagicWindow = 1024

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// Detect tells a plan file from a PDF by content, never by extension, so a
// renamed file still opens. It fails for an empty file and for anything else.
func Detect(name string, data []byte) (Kind, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return KindUnknown, fileError(name, ErrEmpty, "planfile.empty", nil)
	}
	// JSON first: a PDF never starts with "{", while a plan file may hold
	// "%PDF-" in a name near its start.
	if rest := bytes.TrimLeft(bytes.TrimPrefix(data, utf8BOM), " \t\r\n"); len(rest) > 0 && rest[0] == '{' {
		return KindJSON, nil
	}
	if bytes.Contains(data[:min(len(data), pdfMagicWindow)], []byte("%PDF-")) {
		return KindPDF, nil
	}
	return KindUnknown, fileError(name, ErrNotPlanFile, "planfile.unknownKind", map[string]any{"Extension": Extension})
}

// Open reads the plan file or plan PDF at path. Only a regular file is
// opened; a folder, link to nowhere or FIFO gets a Dutch message.
func Open(path string) (*File, error) {
	return OpenContext(context.Background(), path)
}

// OpenContext is Open that stops, with a FileError wrapping ctx's error,
// when ctx ends (the user pressed "Annuleren").
func OpenContext(ctx context.Context, path string) (*File, error) {
	data, err := safefile.ReadCapped(path, MaxPDFSize, tooLarge(path, MaxPDFSize))
	if err != nil {
		return nil, err
	}
	return ReadAnyContext(ctx, path, data)
}

// Read reads a plan file or a plan PDF from r, whichever it is, reading at
// most MaxPDFSize+1 bytes.
func Read(name string, r io.Reader) (*File, error) {
	data, err := readCapped(name, r, MaxPDFSize)
	if err != nil {
		return nil, err
	}
	return ReadAny(name, data)
}

// ReadAny decodes a plan file, or takes the plan file out of a plan PDF.
func ReadAny(name string, data []byte) (*File, error) {
	return ReadAnyContext(context.Background(), name, data)
}

// ReadAnyContext is ReadAny that stops when ctx ends. The search of a PDF
// is bounded (see maxObjects), so without cancelling it ends in well under
// a second at MaxPDFSize as well.
func ReadAnyContext(ctx context.Context, name string, data []byte) (*File, error) {
	kind, err := Detect(name, data)
	if err != nil {
		return nil, err
	}
	if kind == KindPDF {
		if len(data) > MaxPDFSize {
			return nil, tooLarge(name, MaxPDFSize)
		}
		att, err := extractAttachment(ctx, data, AttachmentName, MaxFileSize)
		if ctx.Err() != nil {
			return nil, fileError(name, ctx.Err(), "planfile.cancelled", nil)
		}
		if err != nil {
			return nil, &FileError{Name: displayName(name), Problem: pdfProblem(err), Err: err}
		}
		f, err := decode(name, att)
		if err != nil {
			if fe, ok := errors.AsType[*FileError](err); ok {
				fe.Problem = usermsg.New("planfile.inPDF", map[string]any{"Problem": fe.Problem})
			}
			return nil, err
		}
		return f, nil
	}
	if len(data) > MaxFileSize {
		return nil, tooLarge(name, MaxFileSize)
	}
	return decode(name, data)
}

func pdfProblem(err error) *usermsg.Error {
	switch {
	case errors.Is(err, ErrNoAttachment):
		return usermsg.New("planfile.pdf.noAttachment", map[string]any{"Extension": Extension})
	case errors.Is(err, ErrTooLarge):
		return usermsg.New("planfile.pdf.tooLarge", map[string]any{"MiB": MaxFileSize >> 20})
	}
	return usermsg.New("planfile.pdf.damaged", map[string]any{"Detail": err, "Extension": Extension})
}

// Decode reads a plan file (JSON) from r, reading at most MaxFileSize+1
// bytes, and checks every value before returning it.
func Decode(name string, r io.Reader) (*File, error) {
	data, err := readCapped(name, r, MaxFileSize)
	if err != nil {
		return nil, err
	}
	kind, err := Detect(name, data)
	if err != nil {
		return nil, err
	}
	if kind == KindPDF {
		return nil, fileError(name, ErrNotPlanFile, "planfile.isPDF", map[string]any{"Extension": Extension})
	}
	return decode(name, data)
}

func readCapped(name string, r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fileError(name, err, "planfile.unreadable", nil)
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(name, limit)
	}
	return data, nil
}

func tooLarge(name string, limit int64) error {
	return fileError(name, ErrTooLarge, "planfile.tooLarge", map[string]any{"MiB": limit >> 20})
}

// header is read first, so a random JSON file or a file from a newer app is
// recognised before field types could clash.
type header struct {
	Format  *string `json:"format"`
	Version *int    `json:"version"`
}

func decodeHeader(data []byte, h *header) error {
	return json.Unmarshal(bytes.TrimPrefix(data, utf8BOM), h)
}

// decode checks, in order: well-formed JSON, the format marker, the version,
// then every value. Unknown fields are ignored rather than refused: Version
// is raised for every change an older reader cannot ignore, so a field this
// version does not know is by construction a minor, optional addition, and
// refusing it would make a colleague's slightly newer app lock out ours.
func decode(name string, data []byte) (*File, error) {
	data = bytes.TrimPrefix(data, utf8BOM)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fileError(name, ErrEmpty, "planfile.empty", nil)
	}
	// The common case, a valid file of a version we read, is decoded in one
	// pass; anything else takes the header-first path below for its message.
	var f File
	if json.Unmarshal(data, &f) == nil && f.Format == Format && f.Version >= 1 && f.Version <= Version {
		if err := f.Validate(); err != nil {
			return nil, fileError(name, ErrInvalid, "planfile.impossible", map[string]any{"Values": summarise(err)})
		}
		return &f, nil
	}
	f = File{}
	if err := checkHeader(name, data); err != nil {
		return nil, err
	}
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, jsonError(name, data, err)
	}
	if err := f.Validate(); err != nil {
		return nil, fileError(name, ErrInvalid, "planfile.impossible", map[string]any{"Values": summarise(err)})
	}
	return &f, nil
}

// checkHeader says why a file is not one this version reads: not JSON, no
// format marker, no version, or a newer version.
func checkHeader(name string, data []byte) error {
	var h header
	if err := decodeHeader(data, &h); err != nil {
		if _, ok := errors.AsType[*json.UnmarshalTypeError](err); ok {
			return fileError(name, ErrNotPlanFile, "planfile.notPlanFile", nil)
		}
		return jsonError(name, data, err)
	}
	if h.Format == nil || *h.Format != Format {
		return fileError(name, ErrNotPlanFile, "planfile.noFormat", map[string]any{"Format": Format})
	}
	switch {
	case h.Version == nil || *h.Version < 1:
		return fileError(name, ErrInvalid, "planfile.noVersion", nil)
	case *h.Version > Version:
		return fileError(name, ErrNewerVersion, "planfile.newer", map[string]any{"Version": *h.Version})
	}
	return nil
}

// jsonError turns a decoding error into a Dutch message that says where.
func jsonError(name string, data []byte, err error) error {
	if se, ok := errors.AsType[*json.SyntaxError](err); ok {
		if se.Offset >= int64(len(data)) || strings.TrimSpace(string(data[se.Offset:])) == "" {
			return fileError(name, ErrCorrupt, "planfile.truncated", nil)
		}
		line := 1 + bytes.Count(data[:se.Offset], []byte("\n"))
		return fileError(name, ErrCorrupt, "planfile.badText", map[string]any{"Line": line})
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || err.Error() == "unexpected end of JSON input" {
		return fileError(name, ErrCorrupt, "planfile.truncated", nil)
	}
	if te, ok := errors.AsType[*json.UnmarshalTypeError](err); ok {
		field := te.Field
		if field == "" {
			return fileError(name, ErrNotPlanFile, "planfile.notPlanFile", nil)
		}
		return fileError(name, ErrInvalid, "planfile.badField", map[string]any{"Field": field, "Value": te.Value})
	}
	return fileError(name, ErrCorrupt, "planfile.corrupt", nil)
}

// summarise lists the first few problems; a broken file can have hundreds.
func summarise(err error) usermsg.Phrases {
	list := usermsg.List(err)
	const shown = 5
	if len(list) <= shown {
		return list
	}
	return append(list[:shown:shown], usermsg.New("planfile.andMore", map[string]any{usermsg.CountKey: len(list) - shown}))
}

// Encode writes f as indented UTF-8 JSON. The output depends only on f: map
// keys come out sorted and no HTML escaping is done. A file that Decode
// would refuse is not written, so nobody is handed a plan they cannot open.
func Encode(w io.Writer, f *File) error {
	if err := f.Validate(); err != nil {
		return usermsg.Wrap("planfile.notSaved", map[string]any{"Values": summarise(err)}, ErrInvalid)
	}
	return writeJSON(w, f)
}

func writeJSON(w io.Writer, f *File) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(f); err != nil {
		return usermsg.Wrap("planfile.notEncoded", map[string]any{"Cause": err.Error()}, err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return usermsg.Wrap("planfile.notWritten", map[string]any{"Cause": err}, err)
	}
	return nil
}
