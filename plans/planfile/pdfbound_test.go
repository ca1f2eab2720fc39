package planfile

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"runtime"
	"testing"
	"time"
)

// hostilePDF is a PDF of size bytes made of nothing but object headers: the
// shape that made the old reader index millions of objects.
func hostilePDF(size int) []byte {
	return repeatedPDF(size, "1 0 obj\n")
}

// repeatedPDF is a PDF header followed by unit repeated up to size bytes.
func repeatedPDF(size int, unit string) []byte {
	var b bytes.Buffer
	b.Grow(size)
	b.WriteString("%PDF-1.4\n")
	for b.Len()+len(unit) <= size {
		b.WriteString(unit)
	}
	return b.Bytes()
}

// A PDF at the size limit made of object headers is answered quickly and
// without memory growing with the file. The limits are generous (the
// benchmark measures); the old reader took 12 s and 1.1 GB here.
func TestHostilePDFBounded(t *testing.T) {
	data := hostilePDF(MaxPDFSize)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	_, err := ReadAny("vijftig.pdf", data)
	took := time.Since(start)
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrNoAttachment) {
		t.Fatalf("err = %v", err)
	}
	allocated := after.TotalAlloc - before.TotalAlloc
	t.Logf("50 MB of object headers: %v, %d MB allocated", took, allocated>>20)
	if took > 5*time.Second {
		t.Errorf("took %v", took)
	}
	if allocated > 100<<20 {
		t.Errorf("allocated %d MB", allocated>>20)
	}
}

// A cancelled read stops at once with context.Canceled.
func TestHostilePDFCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := ReadAnyContext(ctx, "vijftig.pdf", hostilePDF(MaxPDFSize))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
	if _, ok := err.(*FileError); !ok {
		t.Fatalf("error %T is not a *FileError", err)
	}
}

// BenchmarkHostilePDF reads 50 MB PDFs of object headers and of near
// headers that the scan must look at and reject all the way to the end.
func BenchmarkHostilePDF(b *testing.B) {
	for _, unit := range []string{"1 0 obj\n", "12345678901 0 obj\n", "7 0 obj << /EF << /F 7 0 R >> /F (x) >> endobj\n"} {
		data := repeatedPDF(MaxPDFSize, unit)
		b.Run(fmt.Sprintf("%q", unit[:min(len(unit), 12)]), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ReadAny("vijftig.pdf", data); err == nil {
					b.Fatal("accepted")
				}
			}
		})
	}
}
