// What is playing, with the player's controls and its keys (they work from the speech text too); only for a
// meeting that was recorded. The audio element itself is always there, for the player to bind to.
import { SHORTCUTS_HINT, type ClipPlayer } from './useClipPlayer.ts';

const speedLabel = (speed: number) => `${String(speed).replace('.', ',')}×`;

export function PlayerBar({ player, number }: { player: ClipPlayer; number(speechId: number): number }) {
  const { audioRef, state, recorded, toggle, back, setSpeed } = player;
  const { speechId, playing, speed } = state;
  return (
    <>
      <audio ref={audioRef} className="clip-audio" preload="auto" />
      {recorded.any ? (
        <div className="player-bar">
          {speechId !== null ? (
            <>
              <p role="status" className="player-status">
                {playing ? 'Đang nghe' : 'Tạm dừng'} phát biểu {number(speechId) || ''}
              </p>
              <button type="button" onClick={() => void toggle(speechId)}>
                {playing ? 'Tạm dừng' : 'Phát tiếp'}
              </button>
              <button type="button" onClick={back}>
                Lùi 5 giây
              </button>
            </>
          ) : null}
          <button type="button" aria-label="Chậm hơn" onClick={() => setSpeed(-1)}>
            −
          </button>
          <span className="player-speed" aria-label="Tốc độ nghe">
            {speedLabel(speed)}
          </span>
          <button type="button" aria-label="Nhanh hơn" onClick={() => setSpeed(1)}>
            +
          </button>
          <p className="field-hint">{SHORTCUTS_HINT}</p>
        </div>
      ) : null}
    </>
  );
}
