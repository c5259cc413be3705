import { useRef, type ReactNode } from "react";
import { Button, type ButtonProps } from "@mantine/core";

const ACCEPT = ".txt,.md,.docx,.doc,.pdf,.png,.jpg,.jpeg,.tif,.tiff";

interface Props extends ButtonProps {
  testId: string;
  onFile: (file: File) => void;
  children: ReactNode;
}

/** A button over a hidden `<input type=file>` taking every format the parser reads; the same file can be picked twice. */
export function FilePicker({ testId, onFile, children, ...button }: Props) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button size="xs" {...button} onClick={() => input.current?.click()}>
        {children}
      </Button>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        hidden
        data-testid={testId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          e.target.value = "";
        }}
      />
    </>
  );
}
