package planfile

import (
	"bytes"
	"compress/zlib"
	"context"
	"io"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"unicode/utf16"

	"zelfscan/usermsg"
)

// The PDF of a plan carries its plan file as a document attachment (an
// /EmbeddedFile stream named by a /Filespec). Reading one attachment does
// not need a PDF library: this reader finds the objects by their headers,
// looks up the file specification by name and inflates its stream, with
// every length and size bounded by the input and the caller's limit.
//
// When no file specification carries the name (a PDF re-saved by a viewer
// may move it into a compressed object stream, where this reader does not
// look), each embedded file stream — streams are never compressed into
// object streams — is tried and the one that is a plan file is taken.

var (
	efRef     = regexp.MustCompile(`/EF\s*<<[^>]*?/U?F\s+(\d{1,10})\s+\d{1,5}\s+R`)
	lengthKey = regexp.MustCompile(`/Length\s+(\d{1,12})(?:\s+(\d{1,5})\s+R)?`)
	intObject = regexp.MustCompile(`^\s*(\d{1,12})\s+endobj`)
	flateOnly = regexp.MustCompile(`/Filter\s*(?:/FlateDecode|\[\s*/FlateDecode\s*\])`)
)

// maxDictScan bounds how far a dictionary is read; ours are a few hundred bytes.
const maxDictScan = 64 << 10

// maxCandidates bounds the fallback: a hostile PDF full of compressed
// streams must not make us inflate each one.
const maxCandidates = 8

// maxObjects bounds the objects indexed: a plan PDF has a few dozen, and a
// file of nothing but object headers must not fill memory with an index.
// Past it the file is searched no further.
const maxObjects = 20000

// maxKeywords bounds the "obj" keywords looked at, headers or not, so text
// made of near-headers is not checked to its end either.
const maxKeywords = 10 * maxObjects

// cancelCheckEvery is how many object headers are read between looks at
// the context, so "Annuleren" answers at once without slowing the scan.
const cancelCheckEvery = 1024

// peekSize is how much of a candidate stream is inflated to see whether it
// starts as a plan file does, before inflating all of it.
const peekSize = 512

type pdfObjects struct {
	data []byte
	// at holds, per object number, where its body starts (after "obj").
	// Incremental updates append newer versions, so the last one wins.
	at map[int]int
	// next holds, per body start, where the next object header starts, so
	// scanning every dictionary reads the file about once in total.
	next map[int]int
}

// indexObjects finds the object headers ("12 0 obj") in one pass, without
// a regular expression, up to maxObjects of them.
func indexObjects(ctx context.Context, data []byte) (*pdfObjects, error) {
	o := &pdfObjects{data: data, at: map[int]int{}, next: map[int]int{}}
	prev, seen := -1, 0
	for from, hits := 0, 0; seen < maxObjects && hits < maxKeywords; hits++ {
		i := bytes.Index(data[from:], []byte("obj"))
		if i < 0 {
			break
		}
		if hits%cancelCheckEvery == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		kw := from + i
		from = kw + len("obj")
		if from < len(data) && isRegular(data[from]) {
			continue // "objects", "object": not the keyword
		}
		n, headerStart, ok := objectNumber(data, kw)
		if !ok {
			continue
		}
		seen++
		o.at[n] = from
		if prev >= 0 {
			o.next[prev] = headerStart
		}
		prev = from
	}
	if prev >= 0 {
		o.next[prev] = len(data)
	}
	return o, ctx.Err()
}

// objectNumber reads "<number> <generation> " backwards from the "obj"
// keyword at kw and returns the object number and where the header starts.
func objectNumber(data []byte, kw int) (num, start int, ok bool) {
	i := skipSpaceBack(data, kw)
	if i == kw {
		return 0, 0, false
	}
	genEnd := i
	i = skipDigitsBack(data, i, 5)
	if i == genEnd {
		return 0, 0, false
	}
	numEnd := skipSpaceBack(data, i)
	if numEnd == i {
		return 0, 0, false
	}
	i = skipDigitsBack(data, numEnd, 10)
	if i == numEnd || i > 0 && isRegular(data[i-1]) {
		return 0, 0, false // no number, or "12 0 obj" inside a longer token
	}
	n, err := strconv.Atoi(string(data[i:numEnd]))
	return n, i, err == nil
}

func skipSpaceBack(data []byte, i int) int {
	for i > 0 && isSpace(data[i-1]) {
		i--
	}
	return i
}

// skipDigitsBack skips up to max digits before i; more digits are no header.
func skipDigitsBack(data []byte, i, max int) int {
	end := i
	for i > 0 && data[i-1] >= '0' && data[i-1] <= '9' {
		i--
	}
	if end-i > max {
		return end
	}
	return i
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == 0
}

func isRegular(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// dict returns the text of the object whose body starts at start, up to its
// stream or its end.
func (o *pdfObjects) dict(start int) []byte {
	stop, ok := o.next[start]
	if !ok {
		stop = len(o.data)
	}
	body := o.data[start:min(stop, start+maxDictScan)]
	end := len(body)
	for _, kw := range [][]byte{[]byte("stream"), []byte("endobj")} {
		if i := bytes.Index(body, kw); i >= 0 && i < end {
			end = i
		}
	}
	return body[:end]
}

// rawStream returns the dictionary and the undecoded stream bytes of the
// object whose body starts at start.
func (o *pdfObjects) rawStream(start int) (d, raw []byte, err error) {
	d = o.dict(start)
	pos := start + len(d)
	if !bytes.HasPrefix(o.data[pos:], []byte("stream")) {
		return nil, nil, usermsg.New("planfile.pdf.noContent", nil)
	}
	pos += len("stream")
	if bytes.HasPrefix(o.data[pos:], []byte("\r\n")) {
		pos += 2
	} else if pos < len(o.data) && (o.data[pos] == '\n' || o.data[pos] == '\r') {
		pos++
	}
	raw = o.data[pos:]
	// The stated length is trusted only when "endstream" follows it;
	// otherwise the stream runs to the first "endstream".
	n := -1
	if m := lengthKey.FindSubmatch(d); m != nil {
		n, _ = strconv.Atoi(string(m[1]))
		if m[2] != nil {
			n = o.intValue(string(m[1]))
		}
	}
	if n < 0 || n > len(raw) || !bytes.HasPrefix(bytes.TrimLeft(raw[n:], "\r\n \t"), []byte("endstream")) {
		i := bytes.Index(raw, []byte("endstream"))
		if i < 0 {
			return nil, nil, usermsg.New("planfile.pdf.truncated", nil)
		}
		n = i
	}
	return d, raw[:n], nil
}

// streamReader decodes a stream as it is read, and stops when ctx ends.
func streamReader(ctx context.Context, d, raw []byte) (io.Reader, error) {
	var r io.Reader = bytes.NewReader(raw)
	if bytes.Contains(d, []byte("/Filter")) {
		if !flateOnly.Match(d) {
			return nil, usermsg.New("planfile.pdf.unknownFilter", nil)
		}
		zr, err := zlib.NewReader(r)
		if err != nil {
			return nil, usermsg.Wrap("planfile.pdf.inflate", nil, err)
		}
		r = zr
	}
	return ctxReader{ctx: ctx, r: r}, nil
}

// ctxReader lets cancelling stop the inflating of a large stream.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// stream returns the decoded stream of the object whose body starts at
// start, at most limit bytes.
func (o *pdfObjects) stream(ctx context.Context, start int, limit int64) ([]byte, error) {
	d, raw, err := o.rawStream(start)
	if err != nil {
		return nil, err
	}
	r, err := streamReader(ctx, d, raw)
	if err != nil {
		return nil, err
	}
	out, err := io.ReadAll(io.LimitReader(r, limit+1))
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if err != nil {
		return nil, usermsg.Wrap("planfile.pdf.inflate", nil, err)
	}
	if int64(len(out)) > limit {
		return nil, ErrTooLarge
	}
	return out, nil
}

// startsAsPlanFile inflates only the start of a stream and reports whether
// it names the plan file format, so only a likely plan file is inflated whole.
func (o *pdfObjects) startsAsPlanFile(ctx context.Context, start int) bool {
	d, raw, err := o.rawStream(start)
	if err != nil {
		return false
	}
	r, err := streamReader(ctx, d, raw)
	if err != nil {
		return false
	}
	head := make([]byte, peekSize)
	n, _ := io.ReadFull(r, head)
	return bytes.Contains(head[:n], []byte(`"`+Format+`"`))
}

// intValue resolves "n 0 R" to the integer object n holds, or -1.
func (o *pdfObjects) intValue(num string) int {
	n, err := strconv.Atoi(num)
	if err != nil {
		return -1
	}
	start, ok := o.at[n]
	if !ok {
		return -1
	}
	m := intObject.FindSubmatch(o.data[start:min(len(o.data), start+64)])
	if m == nil {
		return -1
	}
	v, err := strconv.Atoi(string(m[1]))
	if err != nil {
		return -1
	}
	return v
}

// extractAttachment returns the embedded file called name, at most limit
// bytes after decompression. It returns ctx's error when ctx ends first.
func extractAttachment(ctx context.Context, data []byte, name string, limit int64) ([]byte, error) {
	o, err := indexObjects(ctx, data)
	if err != nil {
		return nil, err
	}
	var embedded []int // bodies of embedded file streams, for the fallback
	for _, num := range slices.Sorted(maps.Keys(o.at)) {
		start := o.at[num]
		d := o.dict(start)
		if len(embedded) < maxCandidates && bytes.Contains(d, []byte("/EmbeddedFile")) && !bytes.Contains(d, []byte("/EmbeddedFiles")) {
			embedded = append(embedded, start)
		}
		if !bytes.Contains(d, []byte("/EF")) {
			continue
		}
		m := efRef.FindSubmatch(d)
		if m == nil || !filespecNamed(d, name) {
			continue
		}
		n, _ := strconv.Atoi(string(m[1]))
		at, ok := o.at[n]
		if !ok {
			return nil, usermsg.New("planfile.pdf.missingStream", nil)
		}
		return o.stream(ctx, at, limit)
	}
	return o.fallback(ctx, embedded, limit)
}

// fallback looks through embedded file streams without a usable file
// specification for the first that holds a plan file.
func (o *pdfObjects) fallback(ctx context.Context, embedded []int, limit int64) ([]byte, error) {
	for _, start := range embedded {
		if !o.startsAsPlanFile(ctx, start) {
			continue
		}
		content, err := o.stream(ctx, start, limit)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if err != nil {
			continue
		}
		var h header
		if decodeHeader(content, &h) == nil && h.Format != nil && *h.Format == Format {
			return content, nil
		}
	}
	return nil, ErrNoAttachment
}

// filespecNamed reports whether the file specification's /UF or /F string is name.
func filespecNamed(d []byte, name string) bool {
	for _, key := range []string{"/UF", "/F"} {
		for i := 0; ; {
			j := bytes.Index(d[i:], []byte(key))
			if j < 0 {
				break
			}
			i += j + len(key)
			if i < len(d) && isRegular(d[i]) {
				continue // a longer key such as /Filter
			}
			if s, ok := pdfString(d[i:]); ok && s == name {
				return true
			}
		}
	}
	return false
}

// pdfString reads a literal "(...)" or hex "<...>" string at the start of b
// (after white space) and decodes it as PDF text: UTF-16BE with a byte order
// mark, UTF-8 with one, else PDFDocEncoding, read as Latin-1.
func pdfString(b []byte) (string, bool) {
	b = bytes.TrimLeft(b, " \t\r\n")
	var raw []byte
	switch {
	case len(b) > 0 && b[0] == '(':
		var ok bool
		if raw, ok = literal(b[1:]); !ok {
			return "", false
		}
	case len(b) > 1 && b[0] == '<' && b[1] != '<':
		end := bytes.IndexByte(b, '>')
		if end < 0 {
			return "", false
		}
		raw = hexBytes(b[1:end])
	default:
		return "", false
	}
	switch {
	case bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		u := make([]uint16, 0, len(raw)/2)
		for i := 2; i+1 < len(raw); i += 2 {
			u = append(u, uint16(raw[i])<<8|uint16(raw[i+1]))
		}
		return string(utf16.Decode(u)), true
	case bytes.HasPrefix(raw, utf8BOM):
		return string(raw[3:]), true
	}
	r := make([]rune, len(raw))
	for i, c := range raw {
		r[i] = rune(c)
	}
	return string(r), true
}

// literal decodes a literal string body up to its closing parenthesis.
func literal(b []byte) ([]byte, bool) {
	var out []byte
	depth := 0
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch c {
		case '(':
			depth++
		case ')':
			if depth == 0 {
				return out, true
			}
			depth--
		case '\\':
			var ok, skip bool
			c, i, skip, ok = escape(b, i+1)
			if !ok {
				return nil, false
			}
			if skip {
				continue
			}
		}
		out = append(out, c)
	}
	return nil, false
}

// escape reads the escape sequence that starts at b[i], after a backslash:
// the byte it stands for, the index of its last byte, whether it is a line
// continuation that stands for nothing, and false when b ends inside it.
func escape(b []byte, i int) (c byte, last int, skip, ok bool) {
	if i >= len(b) {
		return 0, i, false, false
	}
	e := b[i]
	if c, ok := simpleEscapes[e]; ok {
		return c, i, false, true
	}
	switch {
	case e == '\r' || e == '\n':
		if e == '\r' && i+1 < len(b) && b[i+1] == '\n' {
			i++
		}
		return 0, i, true, true
	case e < '0' || e > '7':
		return e, i, false, true
	}
	v := 0
	for k := 0; k < 3 && i < len(b) && b[i] >= '0' && b[i] <= '7'; k++ {
		v = v*8 + int(b[i]-'0')
		i++
	}
	return byte(v), i - 1, false, true
}

// simpleEscapes are the one-letter escapes of a PDF literal string.
var simpleEscapes = map[byte]byte{'n': '\n', 'r': '\r', 't': '\t', 'b': '\b', 'f': '\f'}

func hexBytes(h []byte) []byte {
	var digits []byte
	for _, c := range h {
		if _, ok := hexVal(c); ok {
			digits = append(digits, c)
		}
	}
	if len(digits)%2 == 1 {
		digits = append(digits, '0')
	}
	out := make([]byte, len(digits)/2)
	for i := range out {
		hi, _ := hexVal(digits[2*i])
		lo, _ := hexVal(digits[2*i+1])
		out[i] = hi<<4 | lo
	}
	return out
}

func hexVal(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
