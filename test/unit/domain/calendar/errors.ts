/** The error a call throws, for asserting its fields; fails the test when nothing is thrown. */
export const errorThrownBy = (call: () => unknown): unknown => {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
};
