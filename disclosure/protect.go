package disclosure

// Protect audits g against the true counts (truth[row][cell]) and withholds
// every row that has a weak cell (Weak): all its cells become Hidden.
// Withholding removes constraints, so no other range can become narrower
// and one pass is enough. It returns the rows withheld.
func Protect(g *Group, truth [][]int, minGroup int) ([]int, error) {
	_, cells, err := Bounds(*g, minGroup)
	if err != nil {
		return nil, err
	}
	var withheld []int
	for i, row := range cells {
		for c, r := range row {
			if Weak(r, truth[i][c], minGroup) {
				withheld = append(withheld, i)
				for k := range g.Rows[i].Cells {
					g.Rows[i].Cells[k] = Figure{Hidden: true}
				}
				break
			}
		}
	}
	return withheld, nil
}
