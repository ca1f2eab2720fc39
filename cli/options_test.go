package cli

import (
	"strings"
	"testing"
)

func TestCommandLine(t *testing.T) {
	for _, tc := range []struct {
		name    string
		args    []string
		want    CommandLine
		wantErr string
	}{
		{"no options starts the app", nil, CommandLine{}, ""},
		{"--data names the folder", []string{"--data", "/tmp/x"}, CommandLine{DataDir: "/tmp/x"}, ""},
		{"--version", []string{"--version"}, CommandLine{Version: true}, ""},
		{"--help", []string{"--help"}, CommandLine{Help: true}, ""},
		{"-h", []string{"-h"}, CommandLine{Help: true}, ""},
		{"an unknown option is named in Dutch", []string{"--verbose"}, CommandLine{}, "onbekende optie -verbose. Zie zelfscan --help"},
		{"--data without a folder", []string{"--data"}, CommandLine{}, "de optie -data heeft een waarde nodig. Zie zelfscan --help"},
		{"a stray argument", []string{"plan.zelfscan"}, CommandLine{}, `onverwacht argument "plan.zelfscan". Zie zelfscan --help`},
		{"a bad boolean", []string{"--version=misschien"}, CommandLine{}, "ongeldige optie op de opdrachtregel. Zie zelfscan --help"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseCommandLine(tc.args)
			if tc.wantErr != "" {
				if err == nil || err.Error() != tc.wantErr {
					t.Fatalf("error %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("got %+v, %v; want %+v", got, err, tc.want)
			}
		})
	}
}

// The help is Dutch throughout: none of the flag package's English.
func TestUsageIsDutch(t *testing.T) {
	for _, english := range []string{"Usage", "usage", "default", "show"} {
		if strings.Contains(Usage, english) {
			t.Errorf("help text contains %q", english)
		}
	}
	for _, opt := range []string{"--data", "--version", "--help"} {
		if !strings.Contains(Usage, opt) {
			t.Errorf("help text does not explain %s", opt)
		}
	}
}
