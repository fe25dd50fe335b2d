import { StatusBadge } from '../cases/StatusBadge.tsx';

/** A screening's level, in the colour and words of the one status map (cases/StatusBadge.tsx). */
export function LevelBadge({ level, testId, size = 'lg' }: { level: string; testId?: string; size?: 'sm' | 'md' | 'lg' }) {
  return <StatusBadge kind="level" status={level} size={size} testId={testId ?? 'level-status'} />;
}
