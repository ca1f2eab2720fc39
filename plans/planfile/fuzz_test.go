package planfile

import (
	"bytes"
	"testing"
)

// FuzzDecode feeds arbitrary bytes through the same entry point the app
// uses for an opened file (plan file or PDF). Nothing may panic, and any
// file that is accepted must pass validation and survive a round trip.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(`{"format":"zelfscan-ggg-leerplan","version":1}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := ReadAny("fuzz.zelfscan", data)
		if err != nil {
			if _, ok := err.(*FileError); !ok {
				t.Fatalf("error %T is not a *FileError: %v", err, err)
			}
			return
		}
		if err := got.Validate(); err != nil {
			t.Fatalf("accepted file is invalid: %v", err)
		}
		var buf bytes.Buffer
		if err := Encode(&buf, got); err != nil {
			t.Fatal(err)
		}
		if _, err := Decode("opnieuw.zelfscan", &buf); err != nil {
			t.Fatalf("accepted file does not read back: %v", err)
		}
	})
}
