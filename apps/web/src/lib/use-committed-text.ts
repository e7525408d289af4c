import { useEffect, useRef, useState } from 'react';

/**
 * A text box over a value kept elsewhere (the address): shows what is typed at once, hands the trimmed text to
 * `onCommit` once typing pauses, and follows the value when it changes from outside (Clear filters, Back).
 */
export const useCommittedText = (value: string, onCommit: (text: string) => void, delayMs = 300) => {
  const [text, setText] = useState(value);
  const [shownValue, setShownValue] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  if (value !== shownValue) {
    setShownValue(value);
    setText(value);
  }
  useEffect(() => () => clearTimeout(timer.current), []);
  return {
    value: text,
    onChange: (event: { target: { value: string } }) => {
      const next = event.target.value;
      setText(next);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => onCommit(next.trim()), delayMs);
    },
  };
};
