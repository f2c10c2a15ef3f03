export default defineBackground(() => {
  // Background features are added here, one module each.
});
