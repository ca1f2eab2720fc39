package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// CommandLine is what the user asked for on the command line.
type CommandLine struct {
	DataDir string
	Version bool
	Help    bool
}

// Usage is the Dutch help text; the flag package's own would be English.
const Usage = `Gebruik: zelfscan [opties]

Start Zelfscan GGG: een zelfscan van uw deskundigheid op gendergerelateerd
geweld, met een persoonlijk leerplan als uitkomst.

Opties:
  --data MAP   map voor de gegevens. Zonder deze optie: de map in de
               omgevingsvariabele ZELFSCAN_DATA, dan de gegevensmap uit
               zelfscan-instellingen.yaml, dan de configuratiemap van de
               gebruiker.
  --version    toon de versie en stop.
  --help       toon deze hulp en stop.

Of: zelfscan overzicht [--csv BESTAND] [--pdf BESTAND] [--min-groep N] MAP...
  een anoniem overzicht van alle leerplannen in de mappen, per organisatie
  en functie; zelfscan overzicht --help vertelt meer.

Of: zelfscan aanbod [--csv BESTAND] [--pdf BESTAND] [--catalogus BESTAND] [--instellingen BESTAND]
  de Aanbodanalyse: welk aanbod het vereiste niveau van elke eis van het
  kader bereikt, en welke eisen nog geen aanbod hebben; zelfscan aanbod
  --help vertelt meer.

Of: zelfscan kwaliteitsrapport [--pdf BESTAND] [--csv BESTAND] [--min-groep N] MAP...
  het kwaliteitsrapport voor de commissie: leerbehoeften, dekking van het
  aanbod, deelname, ervaringen en effect in één bestand;
  zelfscan kwaliteitsrapport --help vertelt meer.
`

// ParseCommandLine reads the options; its errors are Dutch sentences that
// end with a pointer to --help.
func ParseCommandLine(args []string) (CommandLine, error) {
	var cl CommandLine
	fs := flag.NewFlagSet("zelfscan", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&cl.DataDir, "data", "", "")
	fs.BoolVar(&cl.Version, "version", false, "")
	fs.BoolVar(&cl.Help, "help", false, "")
	fs.BoolVar(&cl.Help, "h", false, "")
	if err := fs.Parse(args); err != nil {
		return cl, dutchFlagError(err, "zelfscan")
	}
	if fs.NArg() > 0 {
		return cl, fmt.Errorf("onverwacht argument %q. Zie zelfscan --help", fs.Arg(0))
	}
	return cl, nil
}

// dutchFlagError turns the flag package's English errors into Dutch, with
// a pointer to the help of command.
func dutchFlagError(err error, command string) error {
	msg := err.Error()
	if errors.Is(err, flag.ErrHelp) {
		return err
	}
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return fmt.Errorf("onbekende optie %s. Zie %s --help", name, command)
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return fmt.Errorf("de optie %s heeft een waarde nodig. Zie %s --help", name, command)
	}
	return fmt.Errorf("ongeldige optie op de opdrachtregel. Zie %s --help", command)
}
