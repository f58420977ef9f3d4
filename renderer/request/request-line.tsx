import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { httpMethods, type HttpMethod } from '../request-draft';
import { mono } from '../theme';

/** Method, URL and Send (Cancel while in flight): the first row of a request tab. */
export function RequestLine({
  method,
  url,
  baseUrl,
  urlError,
  inFlight,
  onMethod,
  onUrl,
  onSend,
  onCancel,
}: {
  method: HttpMethod;
  url: string;
  baseUrl: string | null;
  urlError: string | undefined;
  inFlight: boolean;
  onMethod: (m: HttpMethod) => void;
  onUrl: (url: string) => void;
  onSend: () => void;
  onCancel: () => void;
}) {
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <NativeSelect
        aria-label="Method"
        data={[...httpMethods]}
        value={method}
        onChange={(e) => onMethod(e.currentTarget.value as HttpMethod)}
        w={110}
        styles={{ input: { ...mono, fontWeight: 600 } }}
      />
      <TextInput
        aria-label="URL"
        placeholder="/api/external/members or {{base}}/api/…"
        value={url}
        onChange={(e) => onUrl(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.nativeEvent.isComposing && !e.ctrlKey && !e.metaKey) {
            e.preventDefault();
            onSend();
          }
        }}
        title={
          baseUrl
            ? `A path is resolved against ${baseUrl}`
            : 'A path is resolved against the profile’s base URL'
        }
        error={urlError}
        styles={{ input: mono }}
        style={{ flex: 1 }}
        spellCheck={false}
        autoComplete="off"
      />
      <Button onClick={onSend} loading={inFlight} w={88}>
        Send
      </Button>
      {inFlight && (
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
      )}
    </Group>
  );
}
