package store

import (
	"fmt"
	"image"
	"slices"
	"testing"
	"time"

	"zelfscan/assessment"
)

// BenchmarkSaveRating measures saving one answer as the scan does: an upsert
// that is durable (WAL, synchronous FULL) when it returns. Besides the mean
// it reports the 50th and 99th percentile per call; the budget is p99 < 5 ms.
// The indicators cycle over a realistic scan size, so most calls replace an
// earlier answer.
func BenchmarkSaveRating(b *testing.B) {
	s, err := Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	sc, err := s.CreateSelfCheck(assessment.Profile{Organisation: "politie", Function: "uitvoerend"}, "1", t0)
	if err != nil {
		b.Fatal(err)
	}
	ids := make([]string, 120)
	for i := range ids {
		ids[i] = fmt.Sprintf("competentie-%02d-indicator-%d", i/4, i%4)
	}
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		if err := s.SaveRating(sc.ID, ids[i%len(ids)], assessment.Rating{Level: i % 4, At: t0.Add(time.Duration(i) * time.Second)}); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	reportPercentiles(b, lat)
}

func reportPercentiles(b *testing.B, lat []time.Duration) {
	if len(lat) == 0 {
		return
	}
	slices.Sort(lat)
	at := func(p float64) float64 {
		return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000
	}
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.99), "p99-ms")
	b.ReportMetric(float64(lat[len(lat)-1].Microseconds())/1000, "max-ms")
}

// BenchmarkSaveRatingWhileDrawing is BenchmarkSaveRating while another
// goroutine keeps a core busy filling window-sized frames (1024×700 RGBA,
// a software redraw's memory traffic): a save must stay under 5 ms at p99
// with drawing going on, and the drawing goroutine, which shares no lock
// with the store, keeps producing frames meanwhile.
func BenchmarkSaveRatingWhileDrawing(b *testing.B) {
	stop := make(chan struct{})
	done := make(chan int)
	go func() {
		frames := 0
		img := image.NewRGBA(image.Rect(0, 0, 1024, 700))
		for {
			select {
			case <-stop:
				done <- frames
				return
			default:
			}
			// One software frame: fill every pixel, as a redraw does.
			for i := range img.Pix {
				img.Pix[i] = byte(i + frames)
			}
			frames++
		}
	}()
	BenchmarkSaveRating(b)
	close(stop)
	if frames := <-done; frames == 0 {
		b.Fatal("no frame was drawn while saving")
	}
}
