/**
 * The short sound of a succeeded payment, made with the Web Audio API (no file to ship or load): two
 * rising tones, about a third of a second. One AudioContext for the page: browsers limit how many
 * a page may hold.
 */
type AudioContextClass = new () => AudioContext;

let shared: AudioContext | null = null;

function audioContextClass(): AudioContextClass | null {
  const scope = globalThis as { AudioContext?: AudioContextClass; webkitAudioContext?: AudioContextClass };
  return scope.AudioContext ?? scope.webkitAudioContext ?? null;
}

const TONES: ReadonlyArray<{ hz: number; at: number }> = [
  { hz: 880, at: 0 },
  { hz: 1320, at: 0.14 },
];
const TONE_SECONDS = 0.18;

export function playPaymentChime(): void {
  const Context = audioContextClass();
  // A browser without Web Audio stays quiet: the screen shows the payment anyway.
  if (!Context) return;
  shared ??= new Context();
  const context = shared;
  // A context made before the page was touched starts suspended; the cashier has tapped Pay by now.
  if (context.state === 'suspended') void context.resume();
  for (const tone of TONES) {
    const start = context.currentTime + tone.at;
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.setValueAtTime(tone.hz, start);
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.3, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + TONE_SECONDS);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start);
    oscillator.stop(start + TONE_SECONDS);
  }
}

/** For tests that swap the browser's AudioContext: the next chime makes a new one. */
export function forgetAudioContextForTests(): void {
  shared = null;
}
