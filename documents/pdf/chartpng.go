package pdf

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
)

// encodeRGB writes img as an 8-bit RGB PNG without row filters, deflated at
// best speed. image/png tries five filters per row even at BestSpeed, which
// made encoding the chart the slowest step of a whole plan; the chart's flat
// colours compress as well without them. Alpha is dropped: the chart is
// opaque on white.
func encodeRGB(img image.Image) ([]byte, error) {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if w <= 0 || h <= 0 {
		return nil, fmt.Errorf("lege afbeelding (%d×%d)", w, h)
	}
	var idat bytes.Buffer
	zw, err := zlib.NewWriterLevel(&idat, zlib.BestSpeed)
	if err != nil {
		return nil, err
	}
	row := make([]byte, 1+3*w) // first byte: filter type 0 (none)
	rgba, fast := img.(*image.RGBA)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		if fast {
			pix := rgba.Pix[rgba.PixOffset(b.Min.X, y):]
			for x := range w {
				copy(row[1+3*x:4+3*x], pix[4*x:4*x+3])
			}
		} else {
			for x := range w {
				r, g, bl, _ := img.At(b.Min.X+x, y).RGBA()
				row[1+3*x], row[2+3*x], row[3+3*x] = byte(r>>8), byte(g>>8), byte(bl>>8)
			}
		}
		if _, err := zw.Write(row); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	out.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = 8, 2 // 8 bits per channel, truecolour; rest 0
	chunk(&out, "IHDR", ihdr)
	chunk(&out, "IDAT", idat.Bytes())
	chunk(&out, "IEND", nil)
	return out.Bytes(), nil
}

func chunk(out *bytes.Buffer, kind string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	out.Write(n[:])
	crc := crc32.NewIEEE()
	crc.Write([]byte(kind))
	crc.Write(data)
	out.WriteString(kind)
	out.Write(data)
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	out.Write(n[:])
}
